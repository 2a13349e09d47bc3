// What Settings shows of each provider, with how many models it offers (the catalog's count,
// else the provider's own list). Picks fields one by one: a key never leaves the server.
import type { ProviderStatusDto } from "../dto/provider";
import { lastCheck } from "../providers/check-results";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { listProviders, type ProviderConfig } from "../providers/registry";
import { upstreamIdsOf } from "./provider-models";

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
