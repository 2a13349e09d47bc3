// The opt-in response cache, as the engine consults it (run-call.ts). A call asks for it
// (spec.cache, set by its edge from the key's setting or the request's headers); its key is
// the normalised request — models, routing, options and the body sent upstream, after any
// preset — within one user's scope, or the team's when an admin shares the cache.
//   miss: the call runs as always, its chunks recorded on the way to the sink; a finished
//         answer is stored for the policy's TTL.
//   hit:  the stored chunks are read again through the same chunk reader into the same sink,
//         at full speed; the ledger gets one row, $0, marked as a cache hit with the tokens
//         and money it saved. No upstream is called.
import { createHash } from "node:crypto";
import type { Admission } from "../limits/admit";
import { ZERO_PRICE } from "../ledger/compute-cost";
import { newGenerationId, priceColumns } from "../ledger/ledger-writer";
import { ChunkReader, type ChunkView } from "../providers/chunk-reader";
import type { Candidate } from "../router/resolve-model";
import { getAppSetting } from "../db/app-settings";
import type { CallOutcome } from "./call-outcome";
import { CallProgress } from "./call-progress";
import type { CallSpec } from "./call-spec";
import type { CallPlan } from "./plan-call";
import { openLedgerRow } from "./open-ledger-row";
import type { CallSink } from "./call-sink";
import { countHit, readAnswer, saveAnswer, type StoredAnswer } from "./response-cache-store";

/** Answers larger than this are not stored (a cache is for repeated small requests). */
const MAX_STORED_CHARS = 4 * 1024 * 1024;

export interface CacheHit {
  answer: StoredAnswer;
  /** The planned endpoint that made the answer, priced at zero for the replay. */
  candidate: Candidate;
  planned: Candidate;
}

export interface ResponseCache {
  find(plan: CallPlan): Promise<CacheHit | null>;
  /** Wraps the sink to record what passes; `save` stores a finished answer. */
  record(sink: CallSink): { sink: CallSink; save(outcome: CallOutcome): void };
}

export async function openResponseCache(spec: CallSpec): Promise<ResponseCache | null> {
  const policy = spec.cache;
  if (!policy) return null;
  const shared = await getAppSetting("responseCacheShared").catch(() => false);
  const key = cacheKey(spec, shared ? "team" : `user:${spec.caller.userId}`);
  return {
    async find(plan) {
      if (!policy.read) return null;
      const answer = await readAnswer(key).catch((error) => {
        console.error("[response-cache] lookup failed; calling the provider:", error);
        return null;
      });
      // An answer from an endpoint no longer in the plan (its provider was removed) is not served.
      const planned = answer && plan.candidates.find((c) => c.provider.id === answer.provider && c.upstreamModel === answer.upstreamModel);
      if (!answer || !planned) return null;
      countHit(key);
      return { answer, planned, candidate: { ...planned, price: ZERO_PRICE } };
    },
    record(sink) {
      let events: string[] = [];
      let size = 0;
      const recording: CallSink = {
        opened(candidate, request, source) {
          // A fallback starts the answer again.
          events = [];
          size = 0;
          sink.opened?.(candidate, request, source);
        },
        chunk(view, content) {
          const data = withoutUpstreamCost(view);
          events.push(data);
          size += data.length;
          sink.chunk(view, content);
        },
        flush: sink.flush && (() => sink.flush!()),
      };
      return {
        sink: recording,
        save(outcome) {
          if (!policy.write || outcome.status !== "done" || size > MAX_STORED_CHARS) return;
          const { upstreamCostPico: _ignored, ...usage } = outcome.usage;
          void saveAnswer({
            key,
            userId: spec.caller.userId,
            provider: outcome.served.provider.id,
            upstreamModel: outcome.served.upstreamModel,
            events,
            usage,
            costPico: outcome.costPico,
            expiresAt: new Date(Date.now() + policy.ttlMs),
          });
        },
      };
    },
  };
}

/** Reads the stored answer into the sink and settles it as a $0 ledger row. */
export function replayCachedAnswer(spec: CallSpec, plan: CallPlan, hit: CacheHit, admission: Admission, sink: CallSink): CallOutcome {
  const { caller } = spec;
  const { answer, candidate } = hit;
  const generationId = spec.generationId ?? newGenerationId();
  const started = Date.now();
  const request = plan.requests.get(hit.planned)!;
  const progress = new CallProgress(candidate, request);
  // The candidate is priced at zero: the row's price snapshot is what the replay charged.
  const ledger = openLedgerRow(spec, generationId, candidate);

  sink.opened?.(candidate, request, "cache");
  const reader = new ChunkReader(candidate.provider.quirks.response, candidate.provider.label, (view) => sink.chunk(view, progress.add(view)));
  reader.push(Buffer.from(answer.events.map((data) => `data: ${data}\n\n`).join("") + "data: [DONE]\n\n"));
  reader.end();
  sink.flush?.();

  const now = Date.now();
  const toolCalls = progress.tools.list();
  const logged = caller.key?.logPrompts === true;
  void ledger.finish({
    provider: candidate.provider.id,
    upstreamModel: candidate.upstreamModel,
    ...priceColumns(ZERO_PRICE),
    promptTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    usageEstimated: false,
    costPico: 0n,
    computedCostPico: 0n,
    upstreamCostPico: null,
    cacheSavingsPico: answer.costPico,
    responseCacheHit: true,
    savedPromptTokens: answer.usage.promptTokens,
    savedCompletionTokens: answer.usage.completionTokens,
    ttftMs: progress.firstTokenAt === null ? null : progress.firstTokenAt - started,
    totalMs: now - started,
    status: "done",
    finishReason: progress.finishReason,
    error: null,
    attempts: [],
    promptText: logged ? JSON.stringify(spec.body.messages) : null,
    completionText: logged ? progress.text + (toolCalls.length ? JSON.stringify(toolCalls) : "") : null,
  });
  admission.settle({ costPico: 0n, totalTokens: 0 });
  return {
    generationId,
    status: "done",
    error: null,
    stopReason: null,
    served: candidate,
    request,
    text: progress.text,
    reasoning: progress.reasoning,
    toolCalls,
    finishReason: progress.finishReason,
    usage: answer.usage,
    costPico: 0n,
    started,
    firstTokenAt: progress.firstTokenAt,
    attempts: [],
    responseCacheHit: true,
  };
}

/** SHA-256 of the scope and the request as sent upstream, keys in a fixed order. */
export function cacheKey(spec: Pick<CallSpec, "models" | "preferences" | "body" | "options">, scope: string): string {
  const normalised = canonicalJson({ v: 1, scope, models: spec.models, preferences: spec.preferences ?? {}, options: spec.options ?? {}, body: spec.body });
  return createHash("sha256").update(normalised).digest("hex");
}

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` are one request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A replay costs nothing: the provider's own cost figure (OpenRouter's usage.cost) is dropped. */
function withoutUpstreamCost(view: ChunkView): string {
  const usage = view.chunk.usage;
  if (!usage || typeof usage !== "object" || !("cost" in usage || "cost_details" in usage)) return view.data;
  const { cost: _cost, cost_details: _details, ...rest } = usage;
  return JSON.stringify({ ...view.chunk, usage: rest });
}
