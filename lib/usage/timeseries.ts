// Spend, tokens and requests over time, in buckets of the viewer's time zone, stacked by
// model or provider (the top N by spend, the rest as "other").
import { z } from "zod";
import { queryRows } from "./db";
import { parseWith, type UsageQuery } from "./query-params";
import { planUsage } from "./summary";
import { listBuckets, offsetSegments, type BucketUnit, type OffsetSegment } from "./time-zone";
import { sourceSql } from "./usage-source";

export const OTHER_KEY = "other";

export const timeseriesOptionsSchema = z.object({
  stackBy: z.enum(["model", "provider"], { error: "stackBy must be model or provider" }).default("model"),
  top: z.coerce.number({ error: "top must be a number" }).int("top must be a whole number").min(1, "top must be at least 1").max(20, "top must be at most 20").default(6),
});
export type TimeseriesOptions = z.infer<typeof timeseriesOptionsSchema>;

export function parseTimeseriesOptions(input: Record<string, string>): TimeseriesOptions {
  return parseWith(timeseriesOptionsSchema, { stackBy: input.stackBy, top: input.top });
}

export interface SeriesValues {
  costPico: string;
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

export interface TimeseriesPoint extends SeriesValues {
  start: string;
  end: string;
  errors: number;
  /** Per stacked key (top keys and "other"); absent keys had no usage in this bucket. */
  series: Record<string, SeriesValues>;
}

export interface UsageTimeseries {
  bucket: BucketUnit;
  tz: string;
  stackBy: "model" | "provider";
  /** Stacked keys, biggest spend first; "other" last when present. */
  keys: string[];
  points: TimeseriesPoint[];
}

interface Row {
  b: number | bigint;
  key: string;
  costPico: string;
  promptTokens: string;
  completionTokens: string;
  requests: string;
  errors: string;
}

/** The SQL twin of bucketIndex(): the offset comes from a CASE over the range's DST segments. */
export function bucketSql(unit: BucketUnit, segments: OffsetSegment[]): string {
  for (const s of segments) if (!Number.isInteger(s.offset)) throw new Error("offsets are whole minutes");
  let offset = String(segments[segments.length - 1].offset);
  for (let i = segments.length - 1; i >= 1; i--) offset = `CASE WHEN t < ${segments[i].fromMinute} THEN ${segments[i - 1].offset} ELSE ${offset} END`;
  if (unit === "minute") return "t";
  if (unit === "hour") return `((t + (((${offset}) % 60) + 60) % 60) / 60)`;
  if (unit === "day") return `((t + (${offset})) / 1440)`;
  return `(((t + (${offset})) / 1440 + 3) / 7)`;
}

export async function getUsageTimeseries(userId: string, query: UsageQuery, options: TimeseriesOptions): Promise<UsageTimeseries> {
  const { bucket: unit, tz } = query;
  const buckets = listBuckets(unit, query.from, query.to, tz);
  const segments = offsetSegments(buckets[0]?.start ?? query.from, query.to, tz);
  // Rollup hours fit inside buckets only when every offset is whole hours (not India's +5:30).
  const hourAligned = unit !== "minute" && segments.every((s) => s.offset % 60 === 0);
  const source = sourceSql(planUsage(userId, query, { rollup: hourAligned, daily: true, boundaries: buckets.map((b) => b.start) }));
  const keyColumn = options.stackBy === "model" ? `"modelId"` : `"provider"`;
  const rows = await queryRows<Row>(
    `SELECT ${bucketSql(unit, segments)} AS b, ${keyColumn} AS "key",
       CAST(SUM("costPico") AS TEXT) AS "costPico", CAST(SUM("promptTokens") AS TEXT) AS "promptTokens",
       CAST(SUM("completionTokens") AS TEXT) AS "completionTokens", CAST(SUM("requests") AS TEXT) AS "requests",
       CAST(SUM("errors") AS TEXT) AS "errors"
     FROM ${source.sql} GROUP BY 1, 2`,
    source.params,
  );

  const spend = new Map<string, bigint>();
  for (const row of rows) spend.set(row.key, (spend.get(row.key) ?? 0n) + BigInt(row.costPico));
  const ranked = [...spend.keys()].sort((a, b) => {
    const [x, y] = [spend.get(a)!, spend.get(b)!];
    return x === y ? a.localeCompare(b) : x > y ? -1 : 1;
  });
  const top = new Set(ranked.slice(0, options.top));
  const keys = [...top, ...(ranked.length > options.top ? [OTHER_KEY] : [])];

  const points = new Map(buckets.map((b) => [b.index, emptyPoint(b.start, b.end)]));
  for (const row of rows) {
    const point = points.get(Number(row.b)) ?? nearestPoint(points, Number(row.b));
    const key = top.has(row.key) ? row.key : OTHER_KEY;
    add(point, row);
    add((point.series[key] ??= emptyValues()), row);
    point.errors += Number(row.errors);
  }
  return { bucket: unit, tz, stackBy: options.stackBy, keys, points: [...points.values()] };
}

/** Never drop a row (totals must match): a bucket number outside the list joins the closest bucket. */
function nearestPoint(points: Map<number, TimeseriesPoint>, index: number): TimeseriesPoint {
  const indexes = [...points.keys()];
  const closest = indexes.reduce((best, i) => (Math.abs(i - index) < Math.abs(best - index) ? i : best), indexes[0]);
  return points.get(closest)!;
}

function emptyValues(): SeriesValues {
  return { costPico: "0", promptTokens: 0, completionTokens: 0, requests: 0 };
}

function emptyPoint(start: number, end: number): TimeseriesPoint {
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), errors: 0, series: {}, ...emptyValues() };
}

function add(target: SeriesValues, row: Row): void {
  target.costPico = (BigInt(target.costPico) + BigInt(row.costPico)).toString();
  target.promptTokens += Number(row.promptTokens);
  target.completionTokens += Number(row.completionTokens);
  target.requests += Number(row.requests);
}

