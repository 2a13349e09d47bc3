// The two CSV downloads. Money is exact USD decimal text (never a float), streamed in pages.
import { picoToUsdString } from "../ledger/usd";
import { iterateActivity, type ActivityRow } from "./activity";
import { getUsageBreakdown, type BreakdownOptions, type BreakdownRow } from "./breakdown";
import { csvFileName, csvHeader, csvLine, type CsvColumn } from "./csv";
import type { UsageQuery } from "./query-params";

const ACTIVITY_COLUMNS: CsvColumn<ActivityRow>[] = [
  { header: "created_at", value: (r) => r.createdAt },
  { header: "id", value: (r) => r.id },
  { header: "source", value: (r) => r.source },
  { header: "model", value: (r) => r.modelId, text: true },
  { header: "provider", value: (r) => r.provider, text: true },
  { header: "upstream_model", value: (r) => r.upstreamModel, text: true },
  { header: "status", value: (r) => r.status },
  { header: "prompt_tokens", value: (r) => r.promptTokens },
  { header: "completion_tokens", value: (r) => r.completionTokens },
  { header: "reasoning_tokens", value: (r) => r.reasoningTokens },
  { header: "cached_tokens", value: (r) => r.cachedTokens },
  { header: "cache_write_tokens", value: (r) => r.cacheWriteTokens },
  { header: "usage_estimated", value: (r) => r.usageEstimated },
  { header: "cost_usd", value: (r) => picoToUsdString(BigInt(r.costPico)) },
  { header: "upstream_cost_usd", value: (r) => (r.upstreamCostPico === null ? null : picoToUsdString(BigInt(r.upstreamCostPico))) },
  { header: "cache_savings_usd", value: (r) => picoToUsdString(BigInt(r.cacheSavingsPico)) },
  { header: "response_cache_hit", value: (r) => r.responseCacheHit },
  { header: "saved_prompt_tokens", value: (r) => r.savedPromptTokens },
  { header: "saved_completion_tokens", value: (r) => r.savedCompletionTokens },
  { header: "ttft_ms", value: (r) => r.ttftMs },
  { header: "total_ms", value: (r) => r.totalMs },
  { header: "finish_reason", value: (r) => r.finishReason, text: true },
  { header: "error", value: (r) => r.error, text: true },
  { header: "conversation_id", value: (r) => r.conversationId },
  { header: "api_key_id", value: (r) => r.apiKeyId },
];

const BREAKDOWN_COLUMNS: CsvColumn<BreakdownRow>[] = [
  { header: "key", value: (r) => r.key, text: true },
  { header: "label", value: (r) => r.label, text: true },
  { header: "requests", value: (r) => r.requests },
  { header: "errors", value: (r) => r.errors },
  { header: "prompt_tokens", value: (r) => r.promptTokens },
  { header: "completion_tokens", value: (r) => r.completionTokens },
  { header: "reasoning_tokens", value: (r) => r.reasoningTokens },
  { header: "cached_tokens", value: (r) => r.cachedTokens },
  { header: "cache_write_tokens", value: (r) => r.cacheWriteTokens },
  { header: "cost_usd", value: (r) => picoToUsdString(BigInt(r.costPico)) },
  { header: "cache_savings_usd", value: (r) => picoToUsdString(BigInt(r.cacheSavingsPico)) },
  { header: "response_cache_hits", value: (r) => r.responseCacheHits },
  { header: "avg_ttft_ms", value: (r) => (r.avgTtftMs === null ? null : Math.round(r.avgTtftMs)) },
  { header: "tokens_per_second", value: (r) => (r.tokensPerSecond === null ? null : r.tokensPerSecond.toFixed(1)) },
];

function csvResponse(body: ReadableStream<Uint8Array> | string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function activityCsvResponse(userId: string, query: UsageQuery): Response {
  const encoder = new TextEncoder();
  const rows = iterateActivity(userId, query);
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader(ACTIVITY_COLUMNS)));
      }
      // A few hundred lines per pull keeps memory flat on a year of rows.
      let text = "";
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvLine(ACTIVITY_COLUMNS, next.value);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return csvResponse(stream, csvFileName("activity", query.from, query.to));
}

export async function breakdownCsvResponse(userId: string, query: UsageQuery, options: BreakdownOptions): Promise<Response> {
  const breakdown = await getUsageBreakdown(userId, query, options);
  const body = csvHeader(BREAKDOWN_COLUMNS) + breakdown.rows.map((r) => csvLine(BREAKDOWN_COLUMNS, r)).join("");
  return csvResponse(body, csvFileName(`by-${options.groupBy}`, query.from, query.to));
}
