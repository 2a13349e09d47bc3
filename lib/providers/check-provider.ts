// "Does it answer?": lists the provider's models with its configured key and base URL.
import type { ProviderCheckDto, ProviderStatusDto } from "../chat/api-types";
import { discoverModels, upstreamIdsOf } from "./list-models";
import { listProviders, type ProviderConfig } from "./registry";
import { toUpstreamError } from "./upstream-error";

export async function listProviderStatuses(): Promise<ProviderStatusDto[]> {
  return Promise.all(
    listProviders().map(async (p) => ({
      id: p.id,
      label: p.label,
      kind: p.kind,
      configured: p.configured,
      simulated: p.simulated,
      baseUrl: p.baseUrl,
      envVar: p.envVar,
      modelCount: p.configured ? (await upstreamIdsOf(p).catch(() => [])).length : 0,
    })),
  );
}

export async function checkProvider(provider: ProviderConfig): Promise<ProviderCheckDto> {
  const started = Date.now();
  try {
    const ids = await discoverModels(provider);
    return { id: provider.id, ok: true, latencyMs: Date.now() - started, modelCount: ids.length, error: null };
  } catch (error) {
    return { id: provider.id, ok: false, latencyMs: null, modelCount: null, error: toUpstreamError(error, provider.label).message };
  }
}
