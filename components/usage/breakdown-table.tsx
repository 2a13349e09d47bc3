"use client";
// Usage grouped by model, provider, source, API key or conversation; headers sort.
import { formatDuration } from "@/lib/format/duration";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import type { GroupBy, SortKey } from "@/lib/usage/breakdown";
import { formatPercent } from "./format-time";
import type { UsageBreakdown } from "./usage-client";
import { card, field, fieldLabel, muted, sectionTitle } from "./styles";

const GROUPS: [GroupBy, string][] = [
  ["model", "Model"],
  ["provider", "Provider"],
  ["source", "Source"],
  ["apiKey", "API key"],
  ["conversation", "Conversation"],
  ["user", "User"],
];

const COLUMNS: { key: SortKey; label: string; numeric: boolean; hideOnPhone?: boolean }[] = [
  { key: "name", label: "Name", numeric: false },
  { key: "requests", label: "Requests", numeric: true },
  { key: "promptTokens", label: "Input tokens", numeric: true, hideOnPhone: true },
  { key: "completionTokens", label: "Output tokens", numeric: true, hideOnPhone: true },
  { key: "cost", label: "Spend", numeric: true },
  { key: "errorRate", label: "Errors", numeric: true, hideOnPhone: true },
  { key: "avgTtft", label: "Avg TTFT", numeric: true, hideOnPhone: true },
];

export interface BreakdownState {
  groupBy: GroupBy;
  sort: SortKey;
  dir: "asc" | "desc";
}

export function BreakdownTable({
  state,
  onChange,
  data,
  loading,
  csvHref,
  byUser = false,
}: {
  state: BreakdownState;
  onChange: (next: BreakdownState) => void;
  data: UsageBreakdown | undefined;
  loading: boolean;
  csvHref: string;
  /** Offer "User" (an admin looking at every user's usage). */
  byUser?: boolean;
}) {
  const groupLabel = GROUPS.find(([g]) => g === state.groupBy)![1];
  const sortBy = (key: SortKey) =>
    onChange({ ...state, sort: key, dir: state.sort === key ? (state.dir === "desc" ? "asc" : "desc") : key === "name" ? "asc" : "desc" });
  const cell = (numeric: boolean, hide?: boolean) => `px-3 py-2 ${numeric ? "text-right tabular-nums" : "text-left"} ${hide ? "hidden sm:table-cell" : ""}`;

  return (
    <section aria-labelledby="breakdown-heading" className={`${card} space-y-3`}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="breakdown-heading" className={sectionTitle}>
          Breakdown
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>Group by</span>
            <select value={state.groupBy} onChange={(e) => onChange({ ...state, groupBy: e.target.value as GroupBy })} className={field}>
              {GROUPS.filter(([g]) => byUser || g !== "user").map(([g, label]) => (
                <option key={g} value={g}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <a href={csvHref} download className="inline-flex items-center rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Download breakdown CSV
          </a>
        </div>
      </div>
      <div className="-mx-4 overflow-x-auto px-4">
        <table className="w-full min-w-[18rem] text-sm">
          <caption className="sr-only">Usage by {groupLabel.toLowerCase()}</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              {COLUMNS.map((c) => {
                const active = state.sort === c.key;
                const label = c.key === "name" ? groupLabel : c.label;
                return (
                  <th key={c.key} scope="col" aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"} className={`${cell(c.numeric, c.hideOnPhone)} font-medium`}>
                    <button type="button" onClick={() => sortBy(c.key)} className={`inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100 ${active ? "text-zinc-900 dark:text-zinc-100" : ""}`}>
                      {label}
                      <span aria-hidden="true" className="text-[10px]">
                        {active ? (state.dir === "asc" ? "▲" : "▼") : ""}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
            {data?.rows.map((r) => (
              <tr key={r.key || "(none)"}>
                <th scope="row" className="max-w-[9rem] truncate px-3 py-2 text-left font-normal sm:max-w-[16rem]" title={r.key || r.label}>
                  {r.label}
                </th>
                <td className={cell(true)}>{r.requests.toLocaleString("en")}</td>
                <td className={cell(true, true)}>{formatTokens(r.promptTokens)}</td>
                <td className={cell(true, true)}>{formatTokens(r.completionTokens)}</td>
                <td className={cell(true)}>{formatUsd(r.costPico)}</td>
                <td className={cell(true, true)}>{formatPercent(r.errorRate)}</td>
                <td className={cell(true, true)}>{formatDuration(r.avgTtftMs)}</td>
              </tr>
            ))}
          </tbody>
          {data && data.rows.length > 0 && (
            <tfoot className="border-t border-zinc-200 font-medium dark:border-zinc-800">
              <tr>
                <th scope="row" className="px-3 py-2 text-left">
                  Total
                </th>
                <td className={cell(true)}>{data.total.requests.toLocaleString("en")}</td>
                <td className={cell(true, true)}>{formatTokens(data.total.promptTokens)}</td>
                <td className={cell(true, true)}>{formatTokens(data.total.completionTokens)}</td>
                <td className={cell(true)}>{formatUsd(data.total.costPico)}</td>
                <td className={cell(true, true)}>{formatPercent(data.total.errorRate)}</td>
                <td className={cell(true, true)}>{formatDuration(data.total.avgTtftMs)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {data && data.rows.length === 0 && <p className={muted}>No usage in this range.</p>}
      {!data && <p className={muted}>{loading ? "Loading…" : ""}</p>}
    </section>
  );
}
