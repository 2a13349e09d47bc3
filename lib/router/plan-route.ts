// Which endpoints to try, in order: each requested model's candidates, filtered by what the
// request needs and the caller's provider preferences, then ordered. OpenRouter semantics:
// `provider.order` first, else `sort` (or a :nitro / :floor suffix), else price weighted by
// observed latency and errors. `models` lists fallback models after the first.
import { AppError } from "../errors";
import { getEndpointHealth, isCoolingDown } from "./health";
import { ModelNotFoundError, resolveCandidates, splitSuffix, type Candidate } from "./resolve-model";

export interface ProviderPreferences {
  order?: string[];
  allow_fallbacks?: boolean;
  sort?: "price" | "throughput" | "latency";
  only?: string[];
  ignore?: string[];
  require_parameters?: boolean;
  /** USD per million tokens. */
  max_price?: { prompt?: number; completion?: number };
}

export interface RouteNeeds {
  tools: boolean;
  /** OpenAI parameter names present in the request (for require_parameters). */
  parameters: string[];
}

const PICO_PER_MILLION_USD = 1_000_000n; // pico/token * 1e6 tokens = pico per million; / 1e12 = USD

export function planRoute(models: string[], preferences: ProviderPreferences = {}, needs: RouteNeeds = { tools: false, parameters: [] }): Candidate[] {
  const plan: Candidate[] = [];
  const reasons: string[] = [];
  let found = 0;
  for (const requested of models) {
    let candidates: Candidate[];
    try {
      candidates = resolveCandidates(requested);
      found += 1;
    } catch (error) {
      if (error instanceof ModelNotFoundError) {
        reasons.push(error.message);
        continue;
      }
      throw error;
    }
    const filtered = filterCandidates(candidates, preferences, needs, reasons);
    plan.push(...orderCandidates(filtered, preferences, splitSuffix(requested).sort));
  }
  if (found === 0) throw new AppError(404, reasons[0] ?? "Unknown model", "model_not_found", "model");
  if (plan.length === 0) {
    if (needs.tools && reasons.some((r) => r.includes("tool"))) throw new AppError(404, reasons.find((r) => r.includes("tool"))!, "no_tool_support", "tools");
    throw new AppError(503, `No provider is available for this request: ${reasons.join("; ") || "every candidate was filtered out"}`, "no_provider_available");
  }
  // Cooling-down providers go last rather than away: better a retry than a refusal.
  const healthy = plan.filter((c) => !isCoolingDown(c.provider.id));
  const cooling = plan.filter((c) => isCoolingDown(c.provider.id));
  const ordered = [...healthy, ...cooling];
  return preferences.allow_fallbacks === false ? ordered.slice(0, 1) : ordered;
}

function filterCandidates(candidates: Candidate[], prefs: ProviderPreferences, needs: RouteNeeds, reasons: string[]): Candidate[] {
  const only = prefs.only?.map((p) => p.toLowerCase());
  const ignore = new Set(prefs.ignore?.map((p) => p.toLowerCase()));
  const maxPrompt = prefs.max_price?.prompt;
  const maxCompletion = prefs.max_price?.completion;
  return candidates.filter((c) => {
    const id = c.provider.id;
    if (only && !only.includes(id)) return note(reasons, `${id} is not in provider.only`);
    if (ignore.has(id)) return note(reasons, `${id} is in provider.ignore`);
    if (needs.tools && c.supportsTools === false) return note(reasons, `${c.modelId} on ${id} does not support tool calling`);
    // Structured output is a capability, not a tunable: an endpoint known to lack it is skipped.
    const wantsFormat = needs.parameters.includes("response_format");
    if (wantsFormat && c.supportedParameters && !c.supportedParameters.some((p) => p === "response_format" || p === "structured_outputs")) {
      return note(reasons, `${c.modelId} on ${id} does not support response_format`);
    }
    if (prefs.require_parameters && c.supportedParameters) {
      const missing = needs.parameters.filter((p) => !c.supportedParameters!.includes(p));
      if (missing.length) return note(reasons, `${id} does not support ${missing.join(", ")}`);
    }
    if (maxPrompt !== undefined && usdPerMillion(c.price.prompt) > maxPrompt) return note(reasons, `${id} costs more than max_price.prompt`);
    if (maxCompletion !== undefined && usdPerMillion(c.price.completion) > maxCompletion) return note(reasons, `${id} costs more than max_price.completion`);
    return true;
  });
}

function note(reasons: string[], reason: string): false {
  reasons.push(reason);
  return false;
}

function usdPerMillion(picoPerToken: bigint): number {
  return Number(picoPerToken * PICO_PER_MILLION_USD) / 1e12;
}

function orderCandidates(candidates: Candidate[], prefs: ProviderPreferences, suffixSort: "throughput" | "price" | null): Candidate[] {
  const list = [...candidates];
  if (prefs.order?.length) {
    const rank = (c: Candidate) => {
      const i = prefs.order!.map((p) => p.toLowerCase()).indexOf(c.provider.id);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    return list.sort((a, b) => rank(a) - rank(b));
  }
  const sort = prefs.sort ?? suffixSort;
  const health = (c: Candidate) => getEndpointHealth(c.provider.id, c.upstreamModel);
  const price = (c: Candidate) => Number(c.price.prompt + c.price.completion);
  if (sort === "price") return list.sort((a, b) => price(a) - price(b));
  if (sort === "throughput") return list.sort((a, b) => (health(b)?.tokensPerSecond ?? 0) - (health(a)?.tokensPerSecond ?? 0));
  if (sort === "latency") return list.sort((a, b) => (health(a)?.ttftMs ?? Infinity) - (health(b)?.ttftMs ?? Infinity));
  // Default: cheapest first, each price inflated by its observed error rate and latency.
  const score = (c: Candidate) => {
    const h = health(c);
    const latencyFactor = 1 + Math.min(h?.ttftMs ?? 0, 10_000) / 10_000;
    return (price(c) + 1) * (1 + 4 * (h?.errorRate ?? 0)) * latencyFactor;
  };
  return list.sort((a, b) => score(a) - score(b));
}
