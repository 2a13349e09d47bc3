// The price of one upstream model, in picodollars per token, from the sandbox or the catalog.
import { findEndpoint } from "../catalog/lookup";
import { parseUsdPerToken } from "../catalog/price";
import type { CatalogEndpoint } from "../catalog/types";
import type { PricePico } from "../ledger/compute-cost";
import { SANDBOX_MODELS } from "../providers/sandbox/models";

export interface PriceInfo {
  price: PricePico;
  /** False when no price is known for this model: cost shows as $0 and is flagged. */
  known: boolean;
  free: boolean;
  displayName: string | null;
  contextLength: number | null;
  maxOutputTokens: number | null;
  /** Tool support as the catalog knows it; null when unknown. */
  supportsTools: boolean | null;
  /** Whether the model takes images (the catalog's input modalities); null when unknown. */
  vision: boolean | null;
}

export function priceFor(providerId: string, upstreamModel: string): PriceInfo {
  if (providerId === "sandbox") {
    const model = SANDBOX_MODELS.find((m) => m.id === upstreamModel);
    if (model) {
      return {
        price: { prompt: model.pricePromptPico, completion: model.priceCompletionPico },
        known: true,
        free: model.free,
        displayName: model.name,
        contextLength: model.contextLength,
        maxOutputTokens: model.maxOutputTokens,
        supportsTools: model.supportsTools,
        vision: model.vision,
      };
    }
  }
  const found = findEndpoint(providerId, upstreamModel);
  if (!found) {
    const free = upstreamModel.endsWith(":free");
    return { price: { prompt: 0n, completion: 0n }, known: free, free, displayName: null, contextLength: null, maxOutputTokens: null, supportsTools: null, vision: null };
  }
  const { endpoint, model } = found;
  return {
    price: endpointPrice(endpoint),
    known: true,
    free: endpoint.free,
    displayName: model.name,
    contextLength: endpoint.contextLength,
    maxOutputTokens: endpoint.maxOutputTokens,
    supportsTools: model.capabilities.tools,
    vision: model.capabilities.vision,
  };
}

/** A catalog endpoint's published prices (USD per token strings) in picodollars per token. */
export function endpointPrice(endpoint: CatalogEndpoint): PricePico {
  return {
    prompt: parseUsdPerToken(endpoint.prompt),
    completion: parseUsdPerToken(endpoint.completion),
    cachedPrompt: endpoint.cachedPrompt ? parseUsdPerToken(endpoint.cachedPrompt) : undefined,
    cacheWrite: endpoint.cacheWrite ? parseUsdPerToken(endpoint.cacheWrite) : undefined,
    reasoning: endpoint.reasoning ? parseUsdPerToken(endpoint.reasoning) : undefined,
  };
}
