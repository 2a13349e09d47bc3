// The models each configured provider offers, as picker options, priced as the router prices them.
import { formatUsdPerMillion } from "../catalog/price";
import { findEndpoint } from "../catalog/lookup";
import { upstreamIdsOf } from "../catalog/provider-models";
import type { ModelOption } from "../dto/model-option";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { quirksFor } from "../providers/quirks/model-quirks";
import { unsupportedParametersOf } from "../providers/quirks/normalise-request";
import { listConfiguredProviders, type ProviderConfig } from "../providers/registry";
import { SANDBOX_MODELS } from "../providers/sandbox/models";
import { priceFor } from "./price-for";

export async function listModelOptions(): Promise<ModelOption[]> {
  await ensureProviderCredentials();
  const lists = await Promise.all(listConfiguredProviders().map(async (provider) => (await upstreamIdsOf(provider)).map((id) => toOption(provider, id))));
  return lists.flat();
}

function toOption(provider: ProviderConfig, upstreamId: string): ModelOption {
  const info = priceFor(provider.id, upstreamId);
  return {
    id: `${provider.id}/${upstreamId}`,
    name: info.displayName ?? upstreamId,
    provider: provider.id,
    providerLabel: provider.label,
    simulated: provider.simulated,
    promptPricePerMillion: info.known ? formatUsdPerMillion(info.price.prompt) : null,
    completionPricePerMillion: info.known ? formatUsdPerMillion(info.price.completion) : null,
    contextLength: info.contextLength,
    maxOutputTokens: info.maxOutputTokens,
    free: info.free,
    unsupportedParameters: columnUnsupported(provider, upstreamId),
    vision: info.vision,
  };
}

/** The chatroom's per-column parameters this model would have dropped (normalise-request.ts's rule). */
const COLUMN_PARAMETERS = ["temperature", "top_p", "stop", "reasoning"];
function columnUnsupported(provider: ProviderConfig, upstreamId: string): string[] {
  const supported = findEndpoint(provider.id, upstreamId)?.model.supportedParameters;
  const sandbox = provider.kind === "sandbox" ? SANDBOX_MODELS.find((m) => m.id === upstreamId) : undefined;
  const unsupported = unsupportedParametersOf(quirksFor(provider.quirks, upstreamId), supported?.length ? supported : null);
  if (sandbox && !sandbox.reasoning) unsupported.add("reasoning");
  return COLUMN_PARAMETERS.filter((p) => unsupported.has(p));
}
