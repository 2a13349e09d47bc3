// Wall-clock arithmetic in an IANA time zone using only Intl offsets, so buckets are right
// across DST changes (23- and 25-hour days) and month ends without a date library.

const MINUTE = 60_000;
const DAY_MINUTES = 1_440;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return { year: values.year, month: values.month, day: values.day, hour: values.hour % 24, minute: values.minute };
}

/** Minutes to add to UTC to get wall-clock time at that instant (+60 for Berlin in winter). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const instant = Math.floor(ms / MINUTE) * MINUTE;
  return Math.round((wall - instant) / MINUTE);
}

/**
 * The first instant of a local calendar date. Usually local midnight; where midnight is
 * skipped by a DST jump, the instant the day begins. Overflowing dates (Jan 32) roll over.
 */
export function startOfLocalDate(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  const target = new Date(wall);
  const [y, m, d] = [target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate()];
  const candidates = new Set<number>();
  for (const probe of [wall - 14 * 3_600_000, wall, wall + 14 * 3_600_000]) {
    candidates.add(wall - offsetMinutes(probe, timeZone) * MINUTE);
  }
  const sameDate = [...candidates]
    .filter((c) => {
      const p = localParts(c, timeZone);
      return p.year === y && p.month === m && p.day === d;
    })
    .sort((a, b) => a - b);
  const exactMidnight = sameDate.find((c) => {
    const p = localParts(c, timeZone);
    return p.hour === 0 && p.minute === 0;
  });
  if (exactMidnight !== undefined) return exactMidnight;
  if (sameDate.length > 0) return sameDate[0];
  throw new Error(`Could not find the start of ${y}-${m}-${d} in ${timeZone}`);
}

/** One stretch of time with a constant offset: from `fromMinute` (UTC epoch minutes) on. */
export interface OffsetSegment {
  fromMinute: number;
  offset: number;
}

/**
 * The offsets in force between two instants, found by probing every 6 hours and
 * narrowing each change down to the minute. The first segment starts at -Infinity.
 */
export function offsetSegments(fromMs: number, toMs: number, timeZone: string): OffsetSegment[] {
  const step = 6 * 3_600_000;
  const segments: OffsetSegment[] = [{ fromMinute: -Infinity, offset: offsetMinutes(fromMs, timeZone) }];
  let previous = fromMs;
  let previousOffset = segments[0].offset;
  for (let probe = fromMs + step; ; probe += step) {
    const at = Math.min(probe, toMs);
    const offset = offsetMinutes(at, timeZone);
    if (offset !== previousOffset) {
      let lo = Math.floor(previous / MINUTE);
      let hi = Math.floor(at / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(mid * MINUTE, timeZone) === previousOffset) lo = mid;
        else hi = mid;
      }
      segments.push({ fromMinute: hi, offset });
      previousOffset = offset;
    }
    previous = at;
    if (at >= toMs) break;
  }
  return segments;
}

export function offsetAt(segments: OffsetSegment[], minute: number): number {
  let offset = segments[0].offset;
  for (const segment of segments) if (minute >= segment.fromMinute) offset = segment.offset;
  return offset;
}

export type BucketUnit = "minute" | "hour" | "day" | "week";

/**
 * The bucket number of a UTC epoch minute. The SQL in sql.ts computes the very same
 * formula, so rows and the bucket list line up. Hours follow UTC hours shifted only by the
 * sub-hour part of the offset: a repeated autumn hour stays two buckets, not one.
 */
export function bucketIndex(unit: BucketUnit, minute: number, offset: number): number {
  if (unit === "minute") return minute;
  if (unit === "hour") return Math.floor((minute + (((offset % 60) + 60) % 60)) / 60);
  const localDay = Math.floor((minute + offset) / DAY_MINUTES);
  // Epoch day 0 was a Thursday: +3 makes weeks start on Monday.
  return unit === "day" ? localDay : Math.floor((localDay + 3) / 7);
}

export interface Bucket {
  index: number;
  start: number;
  end: number;
}

/** Every bucket that overlaps [fromMs, toMs), with its real start and end instants. */
export function listBuckets(unit: BucketUnit, fromMs: number, toMs: number, timeZone: string): Bucket[] {
  const starts: number[] = [];
  if (unit === "minute" || unit === "hour") {
    const size = unit === "minute" ? 1 : 60;
    const sub = unit === "hour" ? (((offsetMinutes(fromMs, timeZone) % 60) + 60) % 60) : 0;
    let minute = Math.floor((Math.floor(fromMs / MINUTE) + sub) / size) * size - sub;
    for (; minute * MINUTE < toMs; minute += size) starts.push(minute * MINUTE);
  } else {
    const p = localParts(fromMs, timeZone);
    let date = new Date(Date.UTC(p.year, p.month - 1, p.day));
    if (unit === "week") date = new Date(Date.UTC(p.year, p.month - 1, p.day - ((date.getUTCDay() + 6) % 7)));
    const stepDays = unit === "day" ? 1 : 7;
    for (;;) {
      const start = startOfLocalDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone);
      if (start >= toMs) break;
      starts.push(start);
      date = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + stepDays));
    }
  }
  return starts.map((start, i) => {
    const minute = Math.floor(start / MINUTE);
    return { index: bucketIndex(unit, minute, offsetMinutes(start, timeZone)), start, end: starts[i + 1] ?? nextEnd(unit, start, timeZone) };
  });
}

function nextEnd(unit: BucketUnit, start: number, timeZone: string): number {
  if (unit === "minute") return start + MINUTE;
  if (unit === "hour") return start + 60 * MINUTE;
  const p = localParts(start, timeZone);
  return startOfLocalDate(p.year, p.month, p.day + (unit === "day" ? 1 : 7), timeZone);
}
