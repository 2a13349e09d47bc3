// One answer's scorecard: the figures a reader compares, laid out identically in every
// column of a turn so each figure sits level with its neighbours, and the marks it won.
import type { AnswerDisplay } from "@/lib/chat/client/answer-display";
import { SCORE_MARK_LABELS, type ScoreMark } from "@/lib/chat/client/scorecard";
import type { CellScore } from "@/lib/chat/client/turn-rows";
import { formatDuration, formatRate } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const MARK_TONES: Record<ScoreMark, BadgeTone> = { cheapest: "green", "fastest-first-token": "indigo", "fastest-overall": "indigo" };

function Stat({ label, title, won, children }: { label: string; title: string; won?: boolean; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt title={title} className="text-zinc-600 dark:text-zinc-400">
        {label}
      </dt>
      <dd title={title} className={`min-w-0 truncate tabular-nums ${won ? "font-semibold text-emerald-700 dark:text-emerald-400" : "font-medium text-zinc-800 dark:text-zinc-200"}`}>{children}</dd>
    </div>
  );
}

/** Marks numbers our tokenizer counted because the provider reported no usage. */
function Estimated({ estimated, children }: { estimated: boolean; children: string }) {
  return estimated ? <span title="estimated">~{children}</span> : <>{children}</>;
}

// Fixed label widths: every column of a turn lines its figures up at the same x and y.
const grid = "grid grid-cols-[2.75rem_minmax(0,1fr)_3rem_minmax(0,1fr)] items-baseline gap-x-1.5 gap-y-0.5 text-xs";

export function AnswerStats({ answer, score, modelName }: { answer: AnswerDisplay; score: CellScore | undefined; modelName: string }) {
  const { stats } = answer;
  if (answer.hidden) {
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-label={`Scorecard of ${modelName}`}>
        Cost and speed hidden until the reveal
      </p>
    );
  }
  if (!stats) {
    if (answer.status !== "streaming") return null;
    return (
      <dl className={grid} aria-label={`Scorecard of ${modelName} (live)`}>
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
  const marks = score?.marks ?? [];
  const generationMs = stats.ttftMs === null ? stats.totalMs : stats.totalMs - stats.ttftMs;
  const cost = answer.importedCostPico ?? stats.costPico;
  return (
    <div className="space-y-1.5">
      <dl className={grid} aria-label={`Scorecard of ${modelName}`}>
        <Stat label="Cost" title={answer.importedCostPico !== null ? "What this answer cost where it was made (imported)" : "Cost of this answer"} won={marks.includes("cheapest")}>
          <Estimated estimated={est}>{formatUsd(cost)}</Estimated>
        </Stat>
        <Stat label="TTFT" title="Time to first token" won={marks.includes("fastest-first-token")}>
          {formatDuration(stats.ttftMs)}
        </Stat>
        <Stat label="Time" title="Total time" won={marks.includes("fastest-overall")}>
          {formatDuration(stats.totalMs)}
        </Stat>
        <Stat label="Speed" title="Output tokens per second after the first token">
          {formatRate(stats.completionTokens, generationMs)}
        </Stat>
        <Stat label="Out" title={`Output tokens${stats.reasoningTokens ? ` (${stats.reasoningTokens} of them reasoning)` : ""}`}>
          <Estimated estimated={est}>{formatTokens(stats.completionTokens)}</Estimated>
        </Stat>
        <Stat label="In" title="Input (prompt) tokens">
          <Estimated estimated={est}>{formatTokens(stats.promptTokens)}</Estimated>
        </Stat>
      </dl>
      {(marks.length > 0 || stats.status !== "done" || answer.importedCostPico !== null || stats.replayed) && (
        <ul aria-label="Marks" className="flex flex-wrap gap-1">
          {marks.map((mark) => (
            <li key={mark}>
              <Badge tone={MARK_TONES[mark]}>{SCORE_MARK_LABELS[mark]}</Badge>
            </li>
          ))}
          {stats.status !== "done" && (
            <li>
              <Badge tone={stats.status === "error" ? "red" : "amber"} title={stats.error ?? undefined}>
                {stats.status}
              </Badge>
            </li>
          )}
          {answer.importedCostPico !== null && (
            <li>
              <Badge title="Imported from an export file: no call was made here, so it is not in your usage; its cost is what it cost where it was made">imported</Badge>
            </li>
          )}
          {stats.replayed && (
            <li>
              <Badge tone="amber" title="This model cannot stream: its whole answer was fetched, then replayed">
                replayed
              </Badge>
            </li>
          )}
        </ul>
      )}
      {(stats.provider || stats.droppedParams?.length) && (
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {stats.provider && <span title="Provider that served it">via {stats.provider}</span>}
          {stats.droppedParams?.length ? (
            <span title="Parameters this model does not support, left out of the request">
              {stats.provider ? " · " : ""}dropped {stats.droppedParams.join(", ")}
            </span>
          ) : null}
        </p>
      )}
      {stats.omittedImages ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          {stats.omittedImages === 1 ? "1 image" : `${stats.omittedImages} images`} not sent: this model takes text only
        </p>
      ) : null}
    </div>
  );
}
