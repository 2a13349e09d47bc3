// Which upstream models a provider offers: the sandbox's own list, a configured list, the
// catalog's endpoints for it, else whatever its GET /models says.
import { discoverModels } from "../providers/discover-models";
import type { ProviderConfig } from "../providers/registry";
import { SANDBOX_MODELS } from "../providers/sandbox/models";
import { listEndpointsForProvider } from "./lookup";

export async function upstreamIdsOf(provider: ProviderConfig): Promise<string[]> {
  if (provider.kind === "sandbox") return SANDBOX_MODELS.map((m) => m.id);
  if (provider.listedModels) return provider.listedModels;
  const known = listEndpointsForProvider(provider.id).map((e) => e.upstreamId);
  if (known.length > 0) return known;
  return discoverModels(provider).catch(() => []);
}
