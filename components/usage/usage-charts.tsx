"use client";
// Spend, tokens and requests over time, stacked by model or provider.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";
import { decimalsOf, niceTicks } from "./chart-scale";
import { formatBucket, formatBucketLong } from "./format-time";
import type { UsageTimeseries } from "./usage-client";
import { OTHER_COLOR, SERIES_COLORS, card, muted, sectionTitle, segment } from "./styles";

type Metric = "spend" | "tokens" | "requests";

const METRICS: { id: Metric; title: string }[] = [
  { id: "spend", title: "Spend" },
  { id: "tokens", title: "Tokens" },
  { id: "requests", title: "Requests" },
];

function valueOf(metric: Metric, v: { costPico: string; promptTokens: number; completionTokens: number; requests: number } | undefined): number {
  if (!v) return 0;
  // Charts need numbers; exact amounts stay in the tooltip and the tables.
  if (metric === "spend") return Number(BigInt(v.costPico)) / 1e12;
  if (metric === "tokens") return v.promptTokens + v.completionTokens;
  return v.requests;
}

function formatValue(metric: Metric, n: number): string {
  if (metric === "spend") return formatUsd(BigInt(Math.round(n * 1e12)));
  if (metric === "tokens") return formatTokens(n);
  return n.toLocaleString("en");
}

export function colorFor(keys: string[], key: string): string {
  return key === "other" ? OTHER_COLOR : SERIES_COLORS[keys.indexOf(key) % SERIES_COLORS.length];
}

function Chart({ data, metric }: { data: UsageTimeseries; metric: Metric }) {
  const rows = data.points.map((p) => ({
    label: formatBucket(p.start, data.bucket, data.tz),
    long: formatBucketLong(p.start, data.bucket, data.tz),
    ...Object.fromEntries(data.keys.map((k) => [k, valueOf(metric, p.series[k])])),
  }));
  const total = data.points.reduce((s, p) => s + valueOf(metric, p), 0);
  const title = METRICS.find((m) => m.id === metric)!.title;
  const ticks = niceTicks(Math.max(0, ...data.points.map((p) => valueOf(metric, p))), 4, metric === "requests");
  const step = ticks[1] - ticks[0];
  const tickLabel = (n: number) => (metric === "spend" ? `$${n.toFixed(decimalsOf(step))}` : formatTokens(n));
  return (
    <figure className={`${card} min-w-0`}>
      <figcaption className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium">{title}</span>
        <span className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">{formatValue(metric, total)}</span>
      </figcaption>
      <div role="img" aria-label={`${title} per ${data.bucket}, stacked by ${data.stackBy}: ${formatValue(metric, total)} in total`} className="relative mt-2 h-48">
        {total === 0 && (
          <p className="absolute inset-0 z-10 grid place-items-center text-center text-sm text-zinc-600 dark:text-zinc-400">No usage in this range</p>
        )}
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeOpacity={0.15} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={11} minTickGap={16} stroke="currentColor" className="text-zinc-600 dark:text-zinc-400" />
            <YAxis
              width={52}
              tickLine={false}
              axisLine={false}
              fontSize={11}
              stroke="currentColor"
              className="text-zinc-600 dark:text-zinc-400"
              ticks={ticks}
              domain={[0, ticks[ticks.length - 1]]}
              interval={0}
              allowDecimals={metric !== "requests"}
              tickFormatter={tickLabel}
            />
            <Tooltip
              cursor={{ fillOpacity: 0.08 }}
              labelFormatter={(_label, payload) => (payload?.[0]?.payload as { long?: string } | undefined)?.long ?? ""}
              formatter={(value, name) => [formatValue(metric, Number(value)), String(name)]}
              contentStyle={{ borderRadius: 8, fontSize: 12, background: "var(--tooltip-bg, #fff)", color: "var(--tooltip-fg, #18181b)", border: "1px solid #d4d4d8" }}
            />
            {data.keys.map((key) => (
              <Bar key={key} dataKey={key} stackId="usage" fill={colorFor(data.keys, key)} isAnimationActive={false} maxBarSize={28} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function UsageCharts({
  data,
  loading,
  stackBy,
  onStackBy,
}: {
  data: UsageTimeseries | undefined;
  loading: boolean;
  stackBy: "model" | "provider";
  onStackBy: (next: "model" | "provider") => void;
}) {
  return (
    <section aria-labelledby="usage-charts-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="usage-charts-heading" className={sectionTitle}>
          Over time
        </h2>
        <div role="group" aria-label="Stack charts by" className="flex gap-1 rounded-lg border border-zinc-200 p-1 dark:border-zinc-800">
          {(["model", "provider"] as const).map((s) => (
            <button key={s} type="button" aria-pressed={stackBy === s} onClick={() => onStackBy(s)} className={segment(stackBy === s)}>
              By {s}
            </button>
          ))}
        </div>
      </div>
      {data && data.keys.length > 0 && (
        <ul aria-label="Chart legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-300">
          {data.keys.map((key) => (
            <li key={key} className="flex min-w-0 items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ background: colorFor(data.keys, key) }} />
              <span className="truncate">{key === "other" ? "Other" : key}</span>
            </li>
          ))}
        </ul>
      )}
      {!data ? (
        <p className={muted}>{loading ? "Loading charts…" : "No chart data."}</p>
      ) : (
        <div className="grid gap-3 lg:grid-cols-3">
          {METRICS.map((m) => (
            <Chart key={m.id} data={data} metric={m.id} />
          ))}
        </div>
      )}
    </section>
  );
}
