// Parses the dashboard's query string (range, time zone, filters) with zod. Anything wrong
// becomes a 400 that says which parameter and why — never an empty page or a 500.
import { z } from "zod";
import { AppError } from "../errors";
import { isValidTimeZone, localParts, startOfLocalDate, type BucketUnit } from "./time-zone";

export const RANGES = ["hour", "day", "week", "month", "year", "custom"] as const;
export type RangeName = (typeof RANGES)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RANGE_MS: Record<Exclude<RangeName, "custom">, number> = { hour: HOUR, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };
/** Longest custom range: keeps bucket lists and raw scans bounded. */
const MAX_SPAN_MS = 5 * 366 * DAY;

const id = z.string().trim().min(1).max(200);

export const usageFiltersSchema = z.object({
  model: id.optional(),
  provider: id.optional(),
  status: z.enum(["done", "stopped", "error", "streaming"], { error: "status must be one of done, stopped, error, streaming" }).optional(),
  source: z.enum(["chat", "api"], { error: "source must be chat or api" }).optional(),
  apiKeyId: id.optional(),
  conversationId: id.optional(),
});
export type UsageFilters = z.infer<typeof usageFiltersSchema>;

const rangeSchema = z.object({
  range: z.enum(RANGES, { error: `range must be one of ${RANGES.join(", ")}` }).default("month"),
  from: z.string().trim().optional(),
  to: z.string().trim().optional(),
  tz: z
    .string()
    .trim()
    .default("UTC")
    .refine((tz) => isValidTimeZone(tz), { error: "tz must be an IANA time zone such as Europe/Berlin" }),
});

export interface UsageRange {
  range: RangeName;
  from: number;
  to: number;
  tz: string;
  bucket: BucketUnit;
}

export interface UsageQuery extends UsageRange {
  filters: UsageFilters;
}

/** Turns URLSearchParams into a plain object, rejecting repeated keys we read once. */
export function paramsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in out) throw new AppError(400, `${key} was given more than once`, "invalid_request", key);
    // An empty value (a cleared filter) means "not set".
    if (value.trim() !== "") out[key] = value;
  }
  return out;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue.path.join(".") || null;
  const message = issue.message.startsWith(param ?? "\0") ? issue.message : `${param ? `${param}: ` : ""}${issue.message}`;
  throw new AppError(400, message, "invalid_request", param);
}

export function parseUsageRange(input: Record<string, string>, now = Date.now()): UsageRange {
  const { range, from, to, tz } = parseWith(rangeSchema, input);
  if (range !== "custom") {
    if (from || to) throw new AppError(400, "from and to are only allowed with range=custom", "invalid_request", from ? "from" : "to");
    const start = now - RANGE_MS[range];
    return { range, from: start, to: now, tz, bucket: bucketFor(now - start) };
  }
  if (!from) throw new AppError(400, "range=custom needs from (an ISO 8601 date or date-time)", "invalid_request", "from");
  if (!to) throw new AppError(400, "range=custom needs to (an ISO 8601 date or date-time)", "invalid_request", "to");
  const fromMs = parseInstant(from, tz, "from");
  const toMs = parseInstant(to, tz, "to");
  if (toMs <= fromMs) throw new AppError(400, "to must be after from", "invalid_request", "to");
  if (toMs - fromMs > MAX_SPAN_MS) throw new AppError(400, "A custom range can span at most 5 years", "invalid_request", "to");
  return { range, from: fromMs, to: toMs, tz, bucket: bucketFor(toMs - fromMs) };
}

export function parseUsageQuery(input: Record<string, string>, now = Date.now()): UsageQuery {
  const filters = parseWith(usageFiltersSchema, pick(input, Object.keys(usageFiltersSchema.shape)));
  return { ...parseUsageRange(input, now), filters };
}

/** A few dozen points per chart whatever the range. */
export function bucketFor(spanMs: number): BucketUnit {
  if (spanMs <= 3 * HOUR) return "minute";
  if (spanMs <= 3 * DAY) return "hour";
  if (spanMs <= 92 * DAY) return "day";
  return "week";
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant with an offset ("…Z", "…+02:00") is taken as is. A date or date-time without
 * one is wall-clock time in `tz`; a bare date as `to` means the end of that day.
 */
export function parseInstant(text: string, tz: string, param: "from" | "to"): number {
  const bad = () => new AppError(400, `${param} must be an ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:00:00Z)`, "invalid_request", param);
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw bad();
    return ms;
  }
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [y, m, d] = date.slice(1).map(Number);
    if (!isRealDate(y, m, d)) throw bad();
    return startOfLocalDate(y, m, param === "to" ? d + 1 : d, tz);
  }
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [y, m, d, h, min, s = 0] = local.slice(1).map((v) => Number(v ?? 0));
    if (!isRealDate(y, m, d) || h > 23 || min > 59 || s > 59) throw bad();
    return localToInstant(y, m, d, h, min, s, tz);
  }
  throw bad();
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && y <= 9999 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Wall-clock time to an instant: the day's start plus the elapsed wall time, corrected once for a DST change that day. */
function localToInstant(y: number, m: number, d: number, h: number, min: number, s: number, tz: string): number {
  const dayStart = startOfLocalDate(y, m, d, tz);
  let guess = dayStart + ((h * 60 + min) * 60 + s) * 1000;
  const p = localParts(guess, tz);
  const drift = (p.hour * 60 + p.minute - (h * 60 + min)) * 60_000;
  if (p.day === d && drift !== 0) guess -= drift;
  return guess;
}

function pick(input: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
