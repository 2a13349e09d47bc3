"use client";
// The headline numbers for the chosen range.
import { formatDuration } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import { formatPercent } from "./format-time";
import type { UsageSummary } from "./usage-client";
import { card } from "./styles";

function Card({ label, value, detail, title }: { label: string; value: string; detail?: string; title?: string }) {
  return (
    <div className={`${card} min-w-0`}>
      <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 truncate text-xl font-semibold tabular-nums tracking-tight sm:text-2xl" title={title}>
        {value}
      </dd>
      {detail && <dd className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">{detail}</dd>}
    </div>
  );
}

function cacheDetail(s: UsageSummary): string {
  const parts = [`${formatTokens(s.cachedTokens)} cached in`];
  if (s.cacheWriteTokens > 0) parts.push(`${formatTokens(s.cacheWriteTokens)} written`);
  if (s.responseCacheHits > 0) parts.push(`${s.responseCacheHits.toLocaleString("en")} cached ${s.responseCacheHits === 1 ? "answer" : "answers"}`);
  return parts.join(" · ");
}

export function SummaryCards({ summary, loading }: { summary: UsageSummary | undefined; loading: boolean }) {
  const s = summary;
  const dash = loading ? "…" : "–";
  return (
    <dl aria-label="Usage summary" aria-busy={loading} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Card label="Spend" value={s ? formatUsd(s.costPico) : dash} title={s ? `${s.costPico} picodollars` : undefined} />
      <Card
        label="Tokens"
        value={s ? formatTokens(s.promptTokens + s.completionTokens) : dash}
        detail={s ? `${formatTokens(s.promptTokens)} in · ${formatTokens(s.completionTokens)} out` : undefined}
        title={s ? `${(s.promptTokens + s.completionTokens).toLocaleString("en")} tokens` : undefined}
      />
      <Card label="Requests" value={s ? s.requests.toLocaleString("en") : dash} />
      <Card label="Error rate" value={s ? formatPercent(s.errorRate) : dash} detail={s ? `${s.errors.toLocaleString("en")} failed` : undefined} />
      <Card label="Avg time to first token" value={s ? formatDuration(s.avgTtftMs) : dash} />
      <Card label="Avg speed" value={s?.tokensPerSecond ? `${Math.round(s.tokensPerSecond)} tok/s` : dash} detail="after the first token" />
      <Card
        label="Cache savings"
        value={s ? formatUsd(s.cacheSavingsPico) : dash}
        detail={s ? cacheDetail(s) : undefined}
        title={s ? `${s.cacheSavingsPico} picodollars: cached prompt tokens at the prompt price minus what they cost, plus answers served from the response cache` : undefined}
      />
      <Card
        label="Reasoning tokens"
        value={s ? formatTokens(s.reasoningTokens) : dash}
        detail={s && s.completionTokens > 0 ? `${formatPercent(s.reasoningTokens / s.completionTokens)} of output` : undefined}
        title={s ? `${s.reasoningTokens.toLocaleString("en")} reasoning tokens (part of the output tokens)` : undefined}
      />
    </dl>
  );
}
