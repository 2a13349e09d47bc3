// A model's display name and provider label, as headers and shared snapshots show them: resolved
// on the server, so a shared page needs no catalog or provider configuration of its own.
import { getProvider } from "../providers/registry";
import { priceFor } from "./price-for";

export interface ModelDescription {
  name: string;
  providerLabel: string;
  simulated: boolean;
}

export function describeModel(modelId: string): ModelDescription {
  const providerId = modelId.split("/")[0] ?? "";
  const upstreamId = modelId.slice(providerId.length + 1);
  const provider = getProvider(providerId);
  const name = priceFor(providerId, upstreamId).displayName ?? (upstreamId || modelId);
  return { name, providerLabel: provider?.label ?? providerId, simulated: provider?.simulated ?? providerId === "sandbox" };
}
