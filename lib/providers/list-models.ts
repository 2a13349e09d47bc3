// The models each configured provider offers, as picker options.
import { findEndpoint, listEndpointsForProvider } from "../catalog/lookup";
import { quirksFor } from "./quirks/model-quirks";
import { unsupportedParametersOf } from "./quirks/normalise-request";
import { formatUsdPerMillion } from "../catalog/price";
import type { ModelOption } from "../dto/model-option";
import { priceFor } from "../router/price-for";
import { getProviderClient } from "./client";
import { ensureProviderCredentials } from "./credential-snapshot";
import { listConfiguredProviders, type ProviderConfig } from "./registry";
import { SANDBOX_MODELS } from "./sandbox/models";

const DISCOVERY_TTL_MS = 5 * 60_000;
const globalDiscovery = globalThis as unknown as { __switchyardDiscovered?: Map<string, { at: number; ids: string[] }> };
const discovered = (globalDiscovery.__switchyardDiscovered ??= new Map());

export async function listModelOptions(): Promise<ModelOption[]> {
  await ensureProviderCredentials();
  const lists = await Promise.all(listConfiguredProviders().map(async (provider) => (await upstreamIdsOf(provider)).map((id) => toOption(provider, id))));
  return lists.flat();
}

/** Upstream ids: sandbox models, configured lists, the catalog snapshot, else the provider's GET /models. */
export async function upstreamIdsOf(provider: ProviderConfig): Promise<string[]> {
  if (provider.kind === "sandbox") return SANDBOX_MODELS.map((m) => m.id);
  if (provider.listedModels) return provider.listedModels;
  const known = listEndpointsForProvider(provider.id).map((e) => e.upstreamId);
  if (known.length > 0) return known;
  return discoverModels(provider).catch(() => []);
}

export async function discoverModels(provider: ProviderConfig): Promise<string[]> {
  const cached = discovered.get(provider.id);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.ids;
  const ids: string[] = [];
  for await (const model of getProviderClient(provider).models.list({ timeout: 5_000 })) ids.push(model.id);
  ids.sort();
  discovered.set(provider.id, { at: Date.now(), ids });
  return ids;
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

/** A provider's key or base URL changed: its models are asked again. */
export function forgetDiscoveredModels(providerId: string): void {
  discovered.delete(providerId);
}
