// The answer of the provider settings routes: the provider as Settings shows it (key hint only).
import { AppError } from "../errors";
import { checkProvider } from "../providers/check-provider";
import { getProvider } from "../providers/registry";
import { toProviderStatus } from "./provider-status";

/**
 * `check`: after a key or base URL was saved, ask the provider at once, so Settings shows
 * "key rejected" right away instead of "configured" and a model count from the catalog.
 */
export async function providerStatusResponse(id: string, status = 200, options: { check?: boolean } = {}): Promise<Response> {
  const provider = getProvider(id);
  if (!provider) throw new AppError(404, `Unknown provider "${id}"`);
  const check = options.check && provider.configured ? await checkProvider(provider) : null;
  return Response.json({ provider: await toProviderStatus(provider), check }, { status, headers: { "cache-control": "no-store" } });
}
