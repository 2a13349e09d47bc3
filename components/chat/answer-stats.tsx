import type { AnswerDisplay } from "@/lib/chat/client/answer-display";
import { formatDuration, formatRate } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import { Badge } from "@/components/ui/badge";

function Stat({ label, title, children }: { label: string; title: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline gap-1" title={title}>
      <dt className="text-zinc-400 dark:text-zinc-500">{label}</dt>
      <dd className="font-medium text-zinc-700 tabular-nums dark:text-zinc-300">{children}</dd>
    </div>
  );
}

/** Marks numbers our tokenizer counted because the provider reported no usage. */
function Estimated({ estimated, children }: { estimated: boolean; children: string }) {
  return estimated ? <span title="estimated">~{children}</span> : <>{children}</>;
}

export function AnswerStats({ answer }: { answer: AnswerDisplay }) {
  const { stats } = answer;
  if (!stats) {
    if (answer.status !== "streaming") return null;
    return (
      <dl className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Answer statistics (live)">
        <Stat label="TTFT" title="Time to first token, measured in this browser">
          {answer.liveTtftMs === null ? "…" : <span title="estimated">~{formatDuration(answer.liveTtftMs)}</span>}
        </Stat>
        {answer.provider && (
          <Stat label="via" title="Provider">
            {answer.provider}
          </Stat>
        )}
      </dl>
    );
  }

  const est = stats.usageEstimated;
  const generationMs = stats.ttftMs === null ? stats.totalMs : stats.totalMs - stats.ttftMs;
  return (
    <dl className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" aria-label="Answer statistics">
      {stats.status !== "done" && (
        <Badge tone={stats.status === "error" ? "red" : "amber"} title={stats.error ?? undefined}>
          {stats.status}
        </Badge>
      )}
      <Stat label="In" title="Input (prompt) tokens">
        <Estimated estimated={est}>{formatTokens(stats.promptTokens)}</Estimated>
      </Stat>
      <Stat label="Out" title={`Output tokens${stats.reasoningTokens ? ` (${stats.reasoningTokens} of them reasoning)` : ""}`}>
        <Estimated estimated={est}>{formatTokens(stats.completionTokens)}</Estimated>
      </Stat>
      <Stat label="Cost" title="Cost of this answer">
        <Estimated estimated={est}>{formatUsd(stats.costPico)}</Estimated>
      </Stat>
      <Stat label="TTFT" title="Time to first token">
        {formatDuration(stats.ttftMs)}
      </Stat>
      <Stat label="Speed" title="Output tokens per second after the first token">
        {formatRate(stats.completionTokens, generationMs)}
      </Stat>
      <Stat label="Time" title="Total time">
        {formatDuration(stats.totalMs)}
      </Stat>
      {stats.provider && (
        <Stat label="via" title="Provider that served it">
          {stats.provider}
        </Stat>
      )}
      {stats.droppedParams?.length ? (
        <Stat label="Dropped" title="Parameters this model does not support, left out of the request">
          {stats.droppedParams.join(", ")}
        </Stat>
      ) : null}
      {stats.replayed && (
        <Badge tone="amber" title="This model cannot stream: its whole answer was fetched, then replayed">
          replayed
        </Badge>
      )}
    </dl>
  );
}
