"use client";
// The activity log: newest first, one line per call, keyset pages, a detail view per row.
import { formatDuration, formatRate } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "./format-time";
import { StatusBadge } from "./status-badge";
import type { ActivityPage } from "./usage-client";
import { buttonSecondary, muted } from "./styles";

export function ActivityTable({
  data,
  loading,
  tz,
  page,
  onOpen,
  onOlder,
  onNewer,
}: {
  data: ActivityPage | undefined;
  loading: boolean;
  tz: string;
  page: number;
  onOpen: (id: string) => void;
  onOlder: () => void;
  onNewer: () => void;
}) {
  const th = "px-3 py-2 font-medium";
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="space-y-3">
      <div className="-mx-4 overflow-x-auto px-4">
        <table className="w-full min-w-[20rem] text-sm" aria-busy={loading}>
          <caption className="sr-only">Activity log, newest first</caption>
          <thead className="border-b border-zinc-200 text-left text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={th}>Time</th>
              <th scope="col" className={th}>Model</th>
              <th scope="col" className={`${th} hidden md:table-cell`}>Source</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={`${th} hidden text-right sm:table-cell`}>Tokens in / out</th>
              <th scope="col" className={`${th} text-right`}>Cost</th>
              <th scope="col" className={`${th} hidden text-right lg:table-cell`}>TTFT</th>
              <th scope="col" className={`${th} hidden text-right lg:table-cell`}>Speed</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {data?.rows.map((r) => (
              <tr key={r.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td className="px-3 py-2 whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">{formatDateTime(r.createdAt, tz)}</td>
                <td className="max-w-[12rem] px-3 py-2">
                  <button
                    type="button"
                    onClick={() => onOpen(r.id)}
                    aria-label={`Details of ${r.modelId} at ${formatDateTime(r.createdAt, tz)}`}
                    className="block max-w-full truncate text-left font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {r.modelId}
                  </button>
                  <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">{r.provider}</span>
                </td>
                <td className="hidden px-3 py-2 md:table-cell">{r.source === "api" ? "API" : "Chatroom"}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={r.status} />
                  {r.responseCacheHit && (
                    <span className="ml-1">
                      <Badge tone="indigo">cached</Badge>
                    </span>
                  )}
                </td>
                <td className={`${num} hidden sm:table-cell`}>
                  {formatTokens(r.promptTokens)} / {formatTokens(r.completionTokens)}
                  {r.usageEstimated && <span title="Estimated: the provider sent no usage"> ≈</span>}
                </td>
                <td className={num}>{formatUsd(r.costPico)}</td>
                <td className={`${num} hidden lg:table-cell`}>{formatDuration(r.ttftMs)}</td>
                <td className={`${num} hidden lg:table-cell`}>
                  {r.totalMs !== null ? formatRate(r.completionTokens, r.totalMs - (r.ttftMs ?? 0)) : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.rows.length === 0 && <p className={muted}>No calls match these filters.</p>}
      {!data && <p className={muted}>{loading ? "Loading…" : ""}</p>}
      <nav aria-label="Activity pages" className="flex items-center justify-between gap-2">
        <button type="button" onClick={onNewer} disabled={page <= 1} className={buttonSecondary}>
          Newer
        </button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          Page {page}
        </span>
        <button type="button" onClick={onOlder} disabled={!data?.nextCursor} className={buttonSecondary}>
          Older
        </button>
      </nav>
    </div>
  );
}
