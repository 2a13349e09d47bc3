import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { bucketIndex, listBuckets, offsetAt, offsetMinutes, offsetSegments, startOfLocalDate, type BucketUnit } from "@/lib/usage/time-zone";
import { bucketSql } from "@/lib/usage/timeseries";

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);
const hours = (b: { start: number; end: number }) => (b.end - b.start) / 3_600_000;

describe("offsets and local midnights", () => {
  it("reads offsets on both sides of Berlin's and New York's DST changes", () => {
    expect(offsetMinutes(at("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(at("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe(120);
    expect(offsetMinutes(at("2026-11-01T05:59:00Z"), "America/New_York")).toBe(-240);
    expect(offsetMinutes(at("2026-11-01T06:00:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutes(at("2026-06-01T00:00:00Z"), "Asia/Kolkata")).toBe(330);
  });

  it("finds each change to the minute", () => {
    const segments = offsetSegments(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), "Europe/Berlin");
    expect(segments.slice(1).map((s) => [iso(s.fromMinute * 60_000), s.offset])).toEqual([
      ["2026-03-29T01:00:00.000Z", 120],
      ["2026-10-25T01:00:00.000Z", 60],
    ]);
  });

  it("starts days at local midnight, including DST days and month ends", () => {
    expect(iso(startOfLocalDate(2026, 3, 29, "Europe/Berlin"))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(startOfLocalDate(2026, 3, 30, "Europe/Berlin"))).toBe("2026-03-29T22:00:00.000Z");
    expect(iso(startOfLocalDate(2026, 11, 1, "America/New_York"))).toBe("2026-11-01T04:00:00.000Z");
    expect(iso(startOfLocalDate(2026, 11, 2, "America/New_York"))).toBe("2026-11-02T05:00:00.000Z");
    // Day 32 of January rolls over to February 1st.
    expect(iso(startOfLocalDate(2026, 1, 32, "UTC"))).toBe("2026-02-01T00:00:00.000Z");
  });

  it("starts a day whose midnight is skipped at the first instant of that date", () => {
    // Chile springs forward at midnight: 00:00 does not exist on that Sunday.
    const start = startOfLocalDate(2026, 9, 6, "America/Santiago");
    const before = new Date(start - 60_000).toLocaleDateString("en-CA", { timeZone: "America/Santiago" });
    const on = new Date(start).toLocaleDateString("en-CA", { timeZone: "America/Santiago" });
    expect(on).toBe("2026-09-06");
    expect(before).toBe("2026-09-05");
  });
});

describe("buckets", () => {
  it("gives Berlin a 23-hour day in spring and a 25-hour day in autumn", () => {
    const spring = listBuckets("day", at("2026-03-28T12:00:00Z"), at("2026-03-30T12:00:00Z"), "Europe/Berlin");
    expect(spring.map(iso0)).toEqual(["2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    const autumn = listBuckets("day", at("2026-10-25T00:00:00Z"), at("2026-10-25T23:30:00Z"), "Europe/Berlin");
    expect(autumn.map(hours)).toEqual([25, 24]);
  });

  it("keeps New York's repeated autumn hour as two hourly buckets", () => {
    const list = listBuckets("hour", at("2026-11-01T04:00:00Z"), at("2026-11-01T08:00:00Z"), "America/New_York");
    expect(list).toHaveLength(4);
    expect(new Set(list.map((b) => b.index)).size).toBe(4);
    const local = list.map((b) => new Date(b.start).toLocaleTimeString("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit" }));
    expect(local).toEqual(["00:00", "01:00", "01:00", "02:00"]);
  });

  it("crosses month ends and leap days with one bucket per calendar day", () => {
    const list = listBuckets("day", at("2028-02-27T05:00:00Z"), at("2028-03-02T12:00:00Z"), "America/New_York");
    const days = list.map((b) => new Date(b.start).toLocaleDateString("en-CA", { timeZone: "America/New_York" }));
    expect(days).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01", "2028-03-02"]);
    const weeks = listBuckets("week", at("2026-01-28T00:00:00Z"), at("2026-03-03T00:00:00Z"), "Europe/Berlin");
    for (const w of weeks) expect(new Date(w.start).toLocaleDateString("en-GB", { timeZone: "Europe/Berlin", weekday: "long" })).toBe("Monday");
    expect(weeks.map((w) => new Date(w.start).toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" }))).toEqual([
      "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02",
    ]);
  });

  it("puts hours of India's +5:30 on the half hour", () => {
    const list = listBuckets("hour", at("2026-05-01T00:00:00Z"), at("2026-05-01T02:00:00Z"), "Asia/Kolkata");
    expect(list.map(iso0)).toEqual(["2026-04-30T23:30:00.000Z", "2026-05-01T00:30:00.000Z", "2026-05-01T01:30:00.000Z"]);
  });

  // The property the dashboard relies on: every instant lands in the bucket that contains it.
  const cases: [BucketUnit, string, string, string][] = [
    ["hour", "Europe/Berlin", "2026-03-28T20:00:00Z", "2026-03-30T04:00:00Z"],
    ["hour", "Europe/Berlin", "2026-10-24T20:00:00Z", "2026-10-26T04:00:00Z"],
    ["day", "America/New_York", "2026-02-20T00:00:00Z", "2026-03-20T00:00:00Z"],
    ["day", "America/New_York", "2026-10-20T00:00:00Z", "2026-11-20T00:00:00Z"],
    ["week", "Europe/Berlin", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["day", "Asia/Kolkata", "2026-01-25T00:00:00Z", "2026-03-05T00:00:00Z"],
    ["day", "Australia/Adelaide", "2026-03-25T00:00:00Z", "2026-04-15T00:00:00Z"],
    ["hour", "Australia/Adelaide", "2026-04-04T10:00:00Z", "2026-04-05T10:00:00Z"],
  ];
  it.each(cases)("maps every minute into its containing %s bucket in %s (JS and SQL agree)", (unit, tz, a, b) => {
    const [from, to] = [at(a), at(b)];
    const list = listBuckets(unit, from, to, tz);
    const byIndex = new Map(list.map((x) => [x.index, x]));
    const segments = offsetSegments(list[0].start, to, tz);
    const db = new Database(":memory:");
    const sql = db.prepare(`SELECT ${bucketSql(unit, segments)} AS b FROM (SELECT CAST(? AS INTEGER) AS t)`);
    for (let ms = from; ms < to; ms += 17 * 60_000) {
      const minute = Math.floor(ms / 60_000);
      const index = bucketIndex(unit, minute, offsetAt(segments, minute));
      expect(offsetAt(segments, minute)).toBe(offsetMinutes(ms, tz));
      const bucket = byIndex.get(index);
      expect(bucket, `${iso(ms)} has no bucket`).toBeDefined();
      expect(bucket!.start <= ms && ms < bucket!.end, `${iso(ms)} outside ${iso0(bucket!)}`).toBe(true);
      expect((sql.get(minute) as { b: number }).b).toBe(index);
    }
    db.close();
  });
});

function iso0(b: { start: number }) {
  return iso(b.start);
}
