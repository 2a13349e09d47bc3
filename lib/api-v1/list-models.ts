// GET /api/v1/models: what this instance can serve, in OpenRouter's shape (prices as strings
// in USD per token). Canonical catalog models with a configured provider, then pinned
// `<provider>/<model>` ids of providers the catalog does not cover (sandbox, local, custom).
// Every field OpenRouter's published schema requires is present (its SDK validates them).
import { listCatalogModels } from "../catalog/lookup";
import type { CatalogModel } from "../catalog/types";
import { picoToUsdString } from "../ledger/usd";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { upstreamIdsOf } from "../catalog/provider-models";
import { listConfiguredProviders } from "../providers/registry";
import { priceFor } from "../router/price-for";

const CREATED = Math.floor(Date.parse("2026-08-01T00:00:00Z") / 1000);

// Fields OpenRouter's schema requires that the catalog does not know. `links.details` names
// the catalog page: the per-model endpoints API OpenRouter links there is not served.
const REQUIRED_UNKNOWNS = { default_parameters: null, supported_voices: null, knowledge_cutoff: null, expiration_date: null, links: { details: "/models" } };

export async function listApiModels(): Promise<unknown[]> {
  await ensureProviderCredentials();
  const configured = listConfiguredProviders();
  const configuredIds = new Set(configured.map((p) => p.id));
  const canonical = listCatalogModels()
    .filter((m) => m.endpoints.some((e) => configuredIds.has(e.provider)))
    .map((m) => catalogEntry(m, configuredIds));
  const pinned = [];
  for (const provider of configured) {
    if (provider.kind === "preset" && !["ollama", "lmstudio"].includes(provider.id)) continue;
    for (const upstreamId of await upstreamIdsOf(provider).catch(() => [])) {
      const info = priceFor(provider.id, upstreamId);
      const id = `${provider.id}/${upstreamId}`;
      pinned.push({
        id,
        canonical_slug: id,
        name: info.displayName ?? upstreamId,
        created: CREATED,
        description: provider.simulated ? `${info.displayName ?? upstreamId}: a simulated model (Switchyard sandbox)` : `${upstreamId} on ${provider.label}`,
        context_length: info.contextLength,
        architecture: {
          modality: info.vision ? "text+image->text" : "text->text",
          input_modalities: info.vision ? ["text", "image"] : ["text"],
          output_modalities: ["text"],
          tokenizer: "Other",
          instruct_type: null,
        },
        pricing: { prompt: picoToUsdString(info.price.prompt), completion: picoToUsdString(info.price.completion), request: "0", image: "0" },
        top_provider: { context_length: info.contextLength, max_completion_tokens: info.maxOutputTokens, is_moderated: false },
        per_request_limits: null,
        supported_parameters: ["max_tokens", "temperature", "top_p", "stop", "seed", ...(info.supportsTools ? ["tools", "tool_choice"] : [])],
        ...REQUIRED_UNKNOWNS,
      });
    }
  }
  return [...canonical, ...pinned];
}

function catalogEntry(model: CatalogModel, configured: Set<string>) {
  const endpoints = model.endpoints.filter((e) => configured.has(e.provider));
  const cheapest = [...endpoints].sort((a, b) => Number(a.prompt) + Number(a.completion) - (Number(b.prompt) + Number(b.completion)))[0];
  return {
    id: model.id,
    canonical_slug: model.id,
    name: model.name,
    created: CREATED,
    description: `${model.name}, served here by ${endpoints.map((e) => e.provider).join(", ")}`,
    context_length: model.contextLength,
    architecture: {
      modality: model.capabilities.vision ? "text+image->text" : "text->text",
      input_modalities: model.capabilities.vision ? ["text", "image"] : ["text"],
      output_modalities: ["text"],
      tokenizer: "Other",
      instruct_type: null,
    },
    pricing: {
      prompt: cheapest.prompt,
      completion: cheapest.completion,
      request: "0",
      image: "0",
      ...(cheapest.cachedPrompt ? { input_cache_read: cheapest.cachedPrompt } : {}),
      ...(cheapest.cacheWrite ? { input_cache_write: cheapest.cacheWrite } : {}),
      ...(cheapest.reasoning ? { internal_reasoning: cheapest.reasoning } : {}),
    },
    top_provider: { context_length: cheapest.contextLength, max_completion_tokens: cheapest.maxOutputTokens, is_moderated: false },
    per_request_limits: null,
    supported_parameters: model.supportedParameters,
    ...REQUIRED_UNKNOWNS,
  };
}
