"use client";
// The usage page: range and time zone on top; headline numbers, charts, breakdown, free
// tier and the activity log below, each its own query so one slow part never blocks the rest.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { UsageSpan } from "@/lib/usage/span";
import { ActivityFiltersBar } from "./activity-filters";
import { ActivityTable } from "./activity-table";
import { useCurrentUser } from "@/components/auth/current-user";
import { BreakdownTable, type BreakdownState } from "./breakdown-table";
import { UserScopePicker } from "./user-scope-picker";
import { BudgetCard } from "./budget-card";
import { rangeForSpan } from "./chart-scale";
import { FreeTierPanel } from "./free-tier-panel";
import { GenerationDialog } from "./generation-dialog";
import { RangePicker } from "./range-picker";
import { SummaryCards } from "./summary-cards";
import { activityParams, browserTimeZone, EMPTY_FILTERS, getJson, rangeParams, withParams, type ActivityFilters, type RangeState } from "./usage-client";
import { UsageCharts } from "./usage-charts";
import { useActivity, useBreakdown, useFreeTier, useSummary, useTimeseries } from "./use-usage-data";
import { card, muted, sectionTitle } from "./styles";

export function UsageDashboard({ conversationId }: { conversationId: string | null }) {
  const [range, setRange] = useState<RangeState>({ range: "month", from: "", to: "", tz: "UTC", conversationId });
  // The browser's zone is only known after hydration.
  useEffect(() => setRange((r) => ({ ...r, tz: browserTimeZone() })), []);
  const [stackBy, setStackBy] = useState<"model" | "provider">("model");
  const [breakdown, setBreakdown] = useState<BreakdownState>({ groupBy: "model", sort: "cost", dir: "desc" });
  const [filters, setFilters] = useState<ActivityFilters>(EMPTY_FILTERS);
  const [cursors, setCursors] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const { user } = useCurrentUser();

  // Until the reader picks a range, the page opens on the shortest one that shows every call.
  const picked = useRef(false);
  const spanParams = new URLSearchParams({ ...(range.user ? { user: range.user } : {}), ...(conversationId ? { conversationId } : {}) });
  const span = useQuery({ queryKey: ["usage", "span", spanParams.toString()], queryFn: () => getJson<UsageSpan>("/api/usage/span", spanParams) });
  useEffect(() => {
    if (picked.current || !span.data) return;
    const fitting = rangeForSpan(span.data.first);
    setRange((r) => (r.range === fitting ? r : { ...r, range: fitting }));
  }, [span.data]);
  const pickRange = (next: RangeState) => {
    picked.current = true;
    setRange(next);
  };

  const params = useMemo(() => rangeParams(range), [range]);
  const logParams = useMemo(() => activityParams(range, filters), [range, filters]);
  // A new range or filter starts the log from its newest row again.
  useEffect(() => setCursors([]), [logParams]);

  const summary = useSummary(params);
  const series = useTimeseries(params, stackBy);
  const table = useBreakdown(params, breakdown);
  const models = useBreakdown(params, { groupBy: "model", sort: "name", dir: "asc" });
  const providers = useBreakdown(params, { groupBy: "provider", sort: "name", dir: "asc" });
  const activity = useActivity(logParams, cursors.at(-1));
  const freeTier = useFreeTier();
  const error = [summary, series, table, activity].find((q) => q.isError)?.error;

  return (
    <div className="flex-1 overflow-y-auto [--tooltip-bg:#ffffff] [--tooltip-fg:#18181b] dark:[--tooltip-bg:#18181b] dark:[--tooltip-fg:#f4f4f5]">
      <div className="mx-auto max-w-7xl space-y-6 px-4 py-6">
        <header className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Usage</h1>
            <p className={`mt-1 ${muted}`}>Every call to a model, from the chatroom and the API, with exact tokens and cost. Times in {range.tz}.</p>
          </div>
          <div className="flex flex-wrap items-end gap-2">
            {user.role === "admin" && (
              <UserScopePicker
                value={range.user ?? "me"}
                onChange={(scope) => {
                  setRange((r) => ({ ...r, user: scope }));
                  if (scope === "me" && breakdown.groupBy === "user") setBreakdown((b) => ({ ...b, groupBy: "model" }));
                }}
              />
            )}
            <RangePicker value={range} onChange={pickRange} />
          </div>
        </header>
        {conversationId && (
          <p className="flex flex-wrap items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-800 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-200">
            Showing one conversation only.
            <a href="/usage" className="font-medium underline">
              Show all usage
            </a>
          </p>
        )}
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
            {error.message}
          </p>
        )}
        {!conversationId && <BudgetCard tz={range.tz} />}
        <SummaryCards summary={summary.data} loading={summary.isFetching} />
        <UsageCharts data={series.data} loading={series.isFetching} stackBy={stackBy} onStackBy={setStackBy} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <BreakdownTable
              state={breakdown}
              onChange={setBreakdown}
              data={table.data}
              loading={table.isFetching}
              csvHref={`/api/usage/export/breakdown.csv?${withParams(params, { ...breakdown })}`}
              byUser={range.user === "all"}
            />
          </div>
          <FreeTierPanel data={freeTier.data} loading={freeTier.isFetching} tz={range.tz} />
        </div>
        <section aria-labelledby="activity-heading" className={`${card} space-y-3`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="activity-heading" className={sectionTitle}>
              Activity
            </h2>
            <a
              href={`/api/usage/export/activity.csv?${logParams}`}
              download
              className="inline-flex items-center rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Download activity CSV
            </a>
          </div>
          <ActivityFiltersBar
            value={filters}
            onChange={setFilters}
            models={(models.data?.rows ?? []).map((r) => r.key).filter(Boolean)}
            providers={(providers.data?.rows ?? []).map((r) => r.key).filter(Boolean)}
          />
          <ActivityTable
            data={activity.data}
            loading={activity.isFetching}
            tz={range.tz}
            page={cursors.length + 1}
            onOpen={setOpenId}
            onOlder={() => activity.data?.nextCursor && setCursors((c) => [...c, activity.data!.nextCursor!])}
            onNewer={() => setCursors((c) => c.slice(0, -1))}
          />
        </section>
      </div>
      <GenerationDialog id={openId} tz={range.tz} onClose={() => setOpenId(null)} />
    </div>
  );
}
