// "Does it answer?": lists the provider's models with its configured key and base URL.
import type { ProviderCheckDto, ProviderStatusDto } from "../dto/provider";
import { lastCheck, recordCheck } from "./check-results";
import { getProviderClient } from "./client";
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
    lastCheck: lastCheck(p.id),
  };
}

function formatHint(hint: string | null): string | null {
  return hint ? `…${hint}` : null;
}

/** Lists the models with the configured key (and asks a key-only path where the list is public); the result is kept for Settings. */
export async function checkProvider(provider: ProviderConfig): Promise<ProviderCheckDto> {
  const started = Date.now();
  let result: ProviderCheckDto;
  try {
    const ids = await discoverModels(provider);
    if (provider.keyCheckPath) await getProviderClient(provider).get(provider.keyCheckPath, { timeout: 5_000 });
    result = { id: provider.id, ok: true, latencyMs: Date.now() - started, modelCount: ids.length, error: null };
  } catch (error) {
    result = { id: provider.id, ok: false, latencyMs: null, modelCount: null, error: briefUpstreamStatus(error) };
  }
  recordCheck(result);
  return result;
}
