// The answer of the provider settings routes: the provider as Settings shows it (key hint only).
import { AppError } from "../errors";
import { toProviderStatus } from "./check-provider";
import { getProvider } from "./registry";

export async function providerStatusResponse(id: string, status = 200): Promise<Response> {
  const provider = getProvider(id);
  if (!provider) throw new AppError(404, `Unknown provider "${id}"`);
  return Response.json({ provider: await toProviderStatus(provider) }, { status, headers: { "cache-control": "no-store" } });
}
