// Display names for a snapshot's columns, resolved when sharing so the public page needs
// no catalog or provider configuration of its own.
import { getProvider } from "../providers/registry";
import { priceFor } from "../router/price-for";
import type { ModelDescription } from "./build-snapshot";

export function describeModel(modelId: string): ModelDescription {
  const providerId = modelId.split("/")[0] ?? "";
  const upstreamId = modelId.slice(providerId.length + 1);
  const provider = getProvider(providerId);
  const name = priceFor(providerId, upstreamId).displayName ?? (upstreamId || modelId);
  return { name, providerLabel: provider?.label ?? providerId, simulated: provider?.simulated ?? providerId === "sandbox" };
}
