import { describe, expect, it } from "vitest";
import { formatDuration, formatRate } from "@/lib/format/duration";

describe("formatDuration", () => {
  it("uses milliseconds below a second", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(999.4)).toBe("999 ms");
  });

  it("uses seconds with one decimal below ten seconds", () => {
    expect(formatDuration(1_000)).toBe("1.0 s");
    expect(formatDuration(1_240)).toBe("1.2 s");
    expect(formatDuration(12_400)).toBe("12 s");
  });

  it("uses minutes past a minute", () => {
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });

  it("shows a dash for missing values", () => {
    expect(formatDuration(null)).toBe("–");
    expect(formatDuration(-5)).toBe("–");
  });
});

describe("formatRate", () => {
  it("divides tokens by seconds", () => {
    expect(formatRate(300, 2_000)).toBe("150 tok/s");
    expect(formatRate(125, 10_000)).toBe("12.5 tok/s");
    expect(formatRate(11, 2_000)).toBe("5.5 tok/s");
    expect(formatRate(5, 1_000)).toBe("5 tok/s");
  });

  it("shows a dash without tokens or time", () => {
    expect(formatRate(0, 1_000)).toBe("–");
    expect(formatRate(100, 0)).toBe("–");
    expect(formatRate(null, null)).toBe("–");
  });
});
