import { describe, expect, it } from "vitest";
import { niceTicks, rangeForSpan } from "@/components/usage/chart-scale";

describe("rangeForSpan", () => {
  it("opens on the shortest preset that reaches the first call", () => {
    const now = Date.parse("2026-06-01T12:00:00Z");
    const ago = (ms: number) => new Date(now - ms).toISOString();
    expect(rangeForSpan(ago(20 * 60_000), now)).toBe("hour");
    expect(rangeForSpan(ago(5 * 3_600_000), now)).toBe("day");
    expect(rangeForSpan(ago(3 * 86_400_000), now)).toBe("week");
    expect(rangeForSpan(ago(20 * 86_400_000), now)).toBe("month");
    expect(rangeForSpan(ago(200 * 86_400_000), now)).toBe("year");
    expect(rangeForSpan(ago(900 * 86_400_000), now)).toBe("year");
    expect(rangeForSpan(null, now)).toBe("month");
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten, from 0 past the maximum", () => {
    expect(niceTicks(0.0037)).toEqual([0, 0.001, 0.002, 0.003, 0.004]);
    expect(niceTicks(87)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
