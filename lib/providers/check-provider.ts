// "Does it answer?": lists the provider's models with its configured key and base URL.
import type { ProviderCheckDto, ProviderStatusDto } from "../chat/api-types";
import { ensureProviderCredentials } from "./credential-snapshot";
import { discoverModels, upstreamIdsOf } from "./list-models";
import { listProviders, type ProviderConfig } from "./registry";
import { briefUpstreamStatus } from "./upstream-error";

/** What Settings shows of each provider. Picks fields one by one: a key never leaves the server. */
export async function listProviderStatuses(): Promise<ProviderStatusDto[]> {
  await ensureProviderCredentials();
  return Promise.all(listProviders().map(toProviderStatus));
}

export async function toProviderStatus(p: ProviderConfig): Promise<ProviderStatusDto> {
  return {
    id: p.id,
    label: p.label,
    kind: p.kind,
    configured: p.configured,
    simulated: p.simulated,
    baseUrl: p.baseUrl,
    envVar: p.envVar,
    keyEnvVar: p.keyEnvVar,
    modelCount: p.configured ? (await upstreamIdsOf(p).catch(() => [])).length : 0,
    source: p.source,
    needsKey: p.needsKey,
    keySource: p.keySource,
    keyHint: formatHint(p.keyHint),
    storedKey: p.storedKey ? { hint: formatHint(p.storedKey.hint), error: p.storedKey.error } : null,
    baseUrlSource: p.baseUrlSource,
    storedBaseUrl: p.storedBaseUrl,
    storedBaseUrlUnused: p.storedBaseUrlUnused,
    listedModels: p.listedModels,
  };
}

function formatHint(hint: string | null): string | null {
  return hint ? `…${hint}` : null;
}

export async function checkProvider(provider: ProviderConfig): Promise<ProviderCheckDto> {
  const started = Date.now();
  try {
    const ids = await discoverModels(provider);
    return { id: provider.id, ok: true, latencyMs: Date.now() - started, modelCount: ids.length, error: null };
  } catch (error) {
    return { id: provider.id, ok: false, latencyMs: null, modelCount: null, error: briefUpstreamStatus(error) };
  }
}
