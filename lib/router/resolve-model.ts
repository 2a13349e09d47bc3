// A requested model id -> the endpoints that can serve it, in the order to try them.
import type { PricePico } from "../ledger/compute-cost";
import { getProvider, type ProviderConfig } from "../providers/registry";
import { priceFor } from "./price-for";

export interface Candidate {
  provider: ProviderConfig;
  upstreamModel: string;
  /** The id the user asked for (`provider/model`). */
  modelId: string;
  price: PricePico;
  priceKnown: boolean;
  free: boolean;
}

export class ModelNotFoundError extends Error {
  constructor(readonly modelId: string, reason: string) {
    super(reason);
    this.name = "ModelNotFoundError";
  }
}

/** `provider/upstream-id`: the first path segment names a configured provider. */
export function resolveCandidates(modelId: string): Candidate[] {
  const slash = modelId.indexOf("/");
  if (slash <= 0 || slash === modelId.length - 1) {
    throw new ModelNotFoundError(modelId, `Model "${modelId}" is not of the form provider/model`);
  }
  const providerId = modelId.slice(0, slash);
  const upstreamModel = modelId.slice(slash + 1);
  const provider = getProvider(providerId);
  if (!provider) throw new ModelNotFoundError(modelId, `Unknown provider "${providerId}" for model "${modelId}"`);
  if (!provider.configured) {
    throw new ModelNotFoundError(modelId, `Provider ${provider.label} is not configured: set ${provider.envVar}`);
  }
  const info = priceFor(provider.id, upstreamModel);
  return [{ provider, upstreamModel, modelId, price: info.price, priceKnown: info.known, free: info.free }];
}
