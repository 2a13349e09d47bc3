// The one reading of a provider's usage report, wherever its quirks say the numbers sit
// (presets.ts, response side): prompt, completion, cached, cache-write and reasoning tokens,
// and the provider's own cost when it gives one (OpenRouter's `usage.cost`, in USD).
import type { Usage } from "../ledger/usage";
import { usdToPico } from "../ledger/usd";
import type { ResponseQuirks } from "./presets";

type Json = Record<string, unknown>;

function at(object: unknown, path: string): unknown {
  let value = object;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Json)[key];
  }
  return value;
}

function count(usage: Json, paths: readonly string[]): number {
  for (const path of paths) {
    const value = at(usage, path);
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.floor(value);
  }
  return 0;
}

/** The usage block a chunk or answer carries, if any (`usage`, or a provider's own place for it). */
export function usageBlockOf(message: Json, quirks: ResponseQuirks): Json | null {
  for (const path of quirks.usageAt) {
    const value = path === "usage" ? message.usage : at(message, path);
    if (value && typeof value === "object") return value as Json;
  }
  return null;
}

export function readUsage(usage: Json, quirks: ResponseQuirks): Usage {
  const cost = usage.cost;
  let upstreamCostPico: bigint | undefined;
  if (typeof cost === "number" || (typeof cost === "string" && cost.trim() !== "")) {
    try {
      upstreamCostPico = usdToPico(cost);
    } catch {
      // A cost we cannot read is no cost at all: ours is computed from the tokens.
    }
  }
  const promptTokens = count(usage, ["prompt_tokens"]);
  const completionTokens = count(usage, ["completion_tokens"]);
  return {
    promptTokens,
    completionTokens,
    reasoningTokens: Math.min(count(usage, quirks.reasoningTokens), completionTokens),
    cachedTokens: Math.min(count(usage, quirks.cachedTokens), promptTokens),
    cacheWriteTokens: Math.min(count(usage, quirks.cacheWriteTokens), promptTokens),
    estimated: false,
    upstreamCostPico,
  };
}

/** The reasoning text of a delta or message, from the first field the provider uses. */
export function reasoningOf(delta: Json, quirks: ResponseQuirks): string {
  for (const field of quirks.reasoningFields) {
    const value = delta[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return "";
}
