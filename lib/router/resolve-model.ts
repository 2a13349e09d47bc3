// A requested model id -> the endpoints that can serve it. Two forms:
//   canonical catalog ids ("meta-llama/llama-3.3-70b-instruct") -> every configured provider serving it;
//   pinned ids ("<provider>/<upstream id>", e.g. "groq/llama-3.3-70b-versatile") -> that provider only.
// Suffixes :nitro (fastest first) and :floor (cheapest first) choose the order.
import { getCatalogModel } from "../catalog/lookup";
import type { CatalogModel } from "../catalog/types";
import type { PricePico } from "../ledger/compute-cost";
import { getProvider, type ProviderConfig } from "../providers/registry";
import { findSandboxModel } from "../providers/sandbox/models";
import { endpointPrice, priceFor } from "./price-for";

export interface Candidate {
  provider: ProviderConfig;
  upstreamModel: string;
  /** The id the caller asked for (without routing suffixes). */
  modelId: string;
  price: PricePico;
  priceKnown: boolean;
  free: boolean;
  contextLength: number | null;
  maxOutputTokens: number | null;
  /** Capabilities known for this endpoint; null means unknown (not filtered out). */
  supportsTools: boolean | null;
  supportedParameters: string[] | null;
}

export class ModelNotFoundError extends Error {
  constructor(readonly modelId: string, reason: string) {
    super(reason);
    this.name = "ModelNotFoundError";
  }
}

export type SortSuffix = "throughput" | "price" | null;

export function splitSuffix(requested: string): { modelId: string; sort: SortSuffix } {
  if (requested.endsWith(":nitro")) return { modelId: requested.slice(0, -":nitro".length), sort: "throughput" };
  if (requested.endsWith(":floor")) return { modelId: requested.slice(0, -":floor".length), sort: "price" };
  return { modelId: requested, sort: null };
}

/** Every endpoint that could serve the model, unfiltered and unordered. */
export function resolveCandidates(requested: string): Candidate[] {
  const { modelId } = splitSuffix(requested.trim());
  const canonical = getCatalogModel(modelId);
  if (canonical) {
    const candidates = canonical.endpoints.flatMap((endpoint) => {
      const provider = getProvider(endpoint.provider);
      if (!provider?.configured) return [];
      return [fromCatalog(provider, endpoint.upstreamId, modelId, canonical)];
    });
    if (candidates.length > 0) return candidates;
  }
  const slash = modelId.indexOf("/");
  const provider = slash > 0 ? getProvider(modelId.slice(0, slash)) : undefined;
  if (provider && slash < modelId.length - 1) {
    if (!provider.configured) throw new ModelNotFoundError(modelId, `Provider ${provider.label} is not configured: set ${provider.envVar}`);
    const upstreamModel = modelId.slice(slash + 1);
    // The simulator's models are all known here; other providers may serve ids no list names.
    if (provider.kind === "sandbox" && !findSandboxModel(upstreamModel)) throw new ModelNotFoundError(modelId, `The sandbox has no model "${upstreamModel}"`);
    return [pinned(provider, upstreamModel, modelId)];
  }
  if (canonical) {
    const providers = [...new Set(canonical.endpoints.map((e) => e.provider))].join(", ");
    throw new ModelNotFoundError(modelId, `No configured provider serves "${modelId}" (it is offered by: ${providers})`);
  }
  if (slash <= 0) throw new ModelNotFoundError(modelId, `Model "${modelId}" is not of the form provider/model`);
  throw new ModelNotFoundError(modelId, `Unknown model "${modelId}"`);
}

function fromCatalog(provider: ProviderConfig, upstreamModel: string, modelId: string, model: CatalogModel): Candidate {
  const endpoint = model.endpoints.find((e) => e.provider === provider.id && e.upstreamId === upstreamModel)!;
  return {
    provider,
    upstreamModel,
    modelId,
    price: endpointPrice(endpoint),
    priceKnown: true,
    free: endpoint.free,
    contextLength: endpoint.contextLength,
    maxOutputTokens: endpoint.maxOutputTokens,
    supportsTools: model.capabilities.tools,
    supportedParameters: model.supportedParameters.length ? model.supportedParameters : null,
  };
}

function pinned(provider: ProviderConfig, upstreamModel: string, modelId: string): Candidate {
  const info = priceFor(provider.id, upstreamModel);
  const sandbox = provider.kind === "sandbox" ? findSandboxModel(upstreamModel) : undefined;
  return {
    provider,
    upstreamModel,
    modelId,
    price: info.price,
    priceKnown: info.known,
    free: info.free,
    contextLength: info.contextLength,
    maxOutputTokens: info.maxOutputTokens,
    supportsTools: sandbox ? sandbox.supportsTools : info.supportsTools,
    supportedParameters: null,
  };
}
