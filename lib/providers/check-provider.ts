// "Does it answer?": lists the provider's models with its configured key and base URL.
import type { ProviderCheckDto } from "../dto/provider";
import { recordCheck } from "./check-results";
import { getProviderClient } from "./client";
import { discoverModels } from "./discover-models";
import type { ProviderConfig } from "./registry";
import { briefUpstreamStatus } from "./upstream-error";

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
