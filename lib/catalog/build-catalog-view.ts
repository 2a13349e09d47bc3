// Every model the models page can show: catalog models, ids providers list without a price, and the sandbox's
// simulated models, each with its endpoints flagged configured or not and prices per million tokens.
import { listProviders, type ProviderConfig } from "../providers/registry";
import { SANDBOX_MODELS } from "../providers/sandbox/models";
import type { CatalogEndpointDto, CatalogModelDto, CatalogProviderDto } from "./catalog-view-types";
import { getCurrentCatalog } from "./current-catalog";
import { formatUsdPerMillion, parseUsdPerToken } from "./price";
import type { CatalogEndpoint, CatalogModel } from "./types";

/** A row plus the exact input price it is filtered and sorted by (never compared as floats). */
export interface CatalogViewRow {
  dto: CatalogModelDto;
  inputPico: bigint | null;
}

export interface CatalogView {
  rows: CatalogViewRow[];
  providers: CatalogProviderDto[];
  snapshotTakenAt: string;
}

export function buildCatalogView(): CatalogView {
  const catalog = getCurrentCatalog();
  const providers = new Map(listProviders().map((p) => [p.id, p]));
  const rows: CatalogViewRow[] = [];
  const sandbox = providers.get("sandbox");
  if (sandbox) for (const model of SANDBOX_MODELS) rows.push(sandboxRow(model, sandbox));
  for (const model of catalog.models) rows.push(catalogRow(model, providers));
  for (const { provider, upstreamId } of catalog.unpriced) {
    const config = providers.get(provider);
    if (config?.configured) rows.push(unpricedRow(provider, upstreamId, config));
  }
  return {
    rows,
    providers: [...providers.values()].map((p) => ({ id: p.id, label: p.label, configured: p.configured, simulated: p.simulated })),
    snapshotTakenAt: catalog.takenAt,
  };
}

function catalogRow(model: CatalogModel, providers: Map<string, ProviderConfig>): CatalogViewRow {
  const endpoints = model.endpoints.map((e) => ({ dto: endpointDto(e, providers.get(e.provider)), inputPico: parseUsdPerToken(e.prompt) }));
  const configured = endpoints.filter((e) => e.dto.configured);
  const cheapest = cheapestOf(configured.length ? configured : endpoints);
  return {
    inputPico: cheapest?.inputPico ?? null,
    dto: {
      id: model.id,
      name: model.name,
      simulated: false,
      free: model.free,
      priceKnown: true,
      contextLength: model.contextLength || null,
      maxOutputTokens: model.maxOutputTokens,
      capabilities: { tools: model.capabilities.tools, vision: model.capabilities.vision, reasoning: model.capabilities.reasoning },
      inputPerMillion: cheapest?.dto.inputPerMillion ?? null,
      outputPerMillion: cheapest?.dto.outputPerMillion ?? null,
      cachedPerMillion: cheapest?.dto.cachedPerMillion ?? null,
      endpoints: endpoints.map((e) => e.dto),
      pickerId: configured.length ? cheapest!.dto.pickerId : null,
      enableHint: configured.length ? null : enableHint(model.endpoints.map((e) => providers.get(e.provider))),
    },
  };
}

function endpointDto(endpoint: CatalogEndpoint, provider: ProviderConfig | undefined): CatalogEndpointDto {
  return {
    provider: endpoint.provider,
    providerLabel: provider?.label ?? endpoint.provider,
    configured: provider?.configured ?? false,
    simulated: false,
    upstreamId: endpoint.upstreamId,
    pickerId: `${endpoint.provider}/${endpoint.upstreamId}`,
    inputPerMillion: perMillion(endpoint.prompt),
    outputPerMillion: perMillion(endpoint.completion),
    cachedPerMillion: endpoint.cachedPrompt ? perMillion(endpoint.cachedPrompt) : null,
    contextLength: endpoint.contextLength || null,
    maxOutputTokens: endpoint.maxOutputTokens,
    free: endpoint.free,
  };
}

function sandboxRow(model: (typeof SANDBOX_MODELS)[number], sandbox: ProviderConfig): CatalogViewRow {
  const endpoint: CatalogEndpointDto = {
    provider: "sandbox",
    providerLabel: sandbox.label,
    configured: sandbox.configured,
    simulated: true,
    upstreamId: model.id,
    pickerId: `sandbox/${model.id}`,
    inputPerMillion: formatUsdPerMillion(model.pricePromptPico),
    outputPerMillion: formatUsdPerMillion(model.priceCompletionPico),
    cachedPerMillion: null,
    contextLength: model.contextLength,
    maxOutputTokens: model.maxOutputTokens,
    free: model.free,
  };
  return {
    inputPico: model.pricePromptPico,
    dto: {
      id: `sandbox/${model.id}`,
      name: model.name,
      simulated: true,
      free: model.free,
      priceKnown: true,
      contextLength: model.contextLength,
      maxOutputTokens: model.maxOutputTokens,
      capabilities: { tools: model.supportsTools, vision: model.vision, reasoning: model.reasoning },
      inputPerMillion: endpoint.inputPerMillion,
      outputPerMillion: endpoint.outputPerMillion,
      cachedPerMillion: null,
      endpoints: [endpoint],
      pickerId: sandbox.configured ? endpoint.pickerId : null,
      enableHint: sandbox.configured ? null : "The simulated models are switched off: an admin can switch them on in Settings → Providers",
    },
  };
}

function unpricedRow(provider: string, upstreamId: string, config: ProviderConfig): CatalogViewRow {
  const pickerId = `${provider}/${upstreamId}`;
  const endpoint: CatalogEndpointDto = {
    provider,
    providerLabel: config.label,
    configured: true,
    simulated: false,
    upstreamId,
    pickerId,
    inputPerMillion: null,
    outputPerMillion: null,
    cachedPerMillion: null,
    contextLength: null,
    maxOutputTokens: null,
    free: false,
  };
  return {
    inputPico: null,
    dto: {
      id: pickerId,
      name: upstreamId,
      simulated: false,
      free: false,
      priceKnown: false,
      contextLength: null,
      maxOutputTokens: null,
      capabilities: { tools: false, vision: false, reasoning: false },
      inputPerMillion: null,
      outputPerMillion: null,
      cachedPerMillion: null,
      endpoints: [endpoint],
      pickerId,
      enableHint: null,
    },
  };
}

function cheapestOf<T extends { inputPico: bigint | null }>(items: T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || (item.inputPico ?? 0n) < (best.inputPico ?? 0n)) best = item;
  return best;
}

function enableHint(providers: (ProviderConfig | undefined)[]): string {
  const vars = [...new Set(providers.map((p) => p?.envVar).filter((v): v is string => Boolean(v)))];
  if (vars.length === 0) return "No provider in this app serves this model";
  const list = vars.length === 1 ? vars[0] : `${vars.slice(0, -1).join(", ")} or ${vars[vars.length - 1]}`;
  return `Set ${list} to call this model`;
}

function perMillion(usdPerToken: string): string {
  return formatUsdPerMillion(parseUsdPerToken(usdPerToken));
}
