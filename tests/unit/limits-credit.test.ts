import { describe, expect, it, vi } from "vitest";
import { creditPeriod } from "@/lib/limits/credit-period";
import { CreditTracker } from "@/lib/limits/credit-tracker";
import { formatUsd } from "@/lib/format/usd";

describe("credit periods (UTC)", () => {
  it("days start at midnight UTC, inclusive of the first millisecond", () => {
    const midnight = Date.UTC(2026, 2, 29);
    expect(creditPeriod("daily", midnight)).toEqual({ start: midnight, end: midnight + 86_400_000 });
    expect(creditPeriod("daily", midnight - 1).start).toBe(Date.UTC(2026, 2, 28));
  });

  it("weeks start on Monday", () => {
    // 2026-05-11 is a Monday; 2026-05-17 a Sunday.
    expect(creditPeriod("weekly", Date.UTC(2026, 4, 17, 23, 59, 59, 999))).toEqual({ start: Date.UTC(2026, 4, 11), end: Date.UTC(2026, 4, 18) });
    expect(creditPeriod("weekly", Date.UTC(2026, 4, 18)).start).toBe(Date.UTC(2026, 4, 18));
    expect(creditPeriod("weekly", Date.UTC(2026, 4, 11, 0, 0, 0, 1)).start).toBe(Date.UTC(2026, 4, 11));
  });

  it("months start on the 1st and end where the next begins, across years and leap days", () => {
    expect(creditPeriod("monthly", Date.UTC(2028, 1, 29, 12))).toEqual({ start: Date.UTC(2028, 1, 1), end: Date.UTC(2028, 2, 1) });
    expect(creditPeriod("monthly", Date.UTC(2026, 11, 31, 23, 59))).toEqual({ start: Date.UTC(2026, 11, 1), end: Date.UTC(2027, 0, 1) });
    expect(creditPeriod("monthly", Date.UTC(2027, 0, 1)).start).toBe(Date.UTC(2027, 0, 1));
  });

  it("never is one period from the epoch", () => {
    expect(creditPeriod("never", Date.UTC(2030, 0, 1))).toEqual({ start: 0, end: Number.POSITIVE_INFINITY });
  });
});

describe("CreditTracker", () => {
  it("loads a period once however many callers ask at the same time", async () => {
    const load = vi.fn(async () => 5n);
    const tracker = new CreditTracker(load);
    const now = Date.UTC(2026, 4, 13, 10);
    const states = await Promise.all(Array.from({ length: 50 }, () => tracker.current("k", "daily", now)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(new Set(states).size).toBe(1);
    expect(states[0].spentPico).toBe(5n);
    // Loaded: the next call answers without waiting.
    expect(tracker.current("k", "daily", now + 1000)).toBe(states[0]);
  });

  it("reserves only what fits, across 100 synchronous reservations", async () => {
    const tracker = new CreditTracker(async () => 0n);
    const state = await tracker.current("k", "never", 0);
    const results = Array.from({ length: 100 }, () => tracker.reserve(state, 1_000n, 30n));
    expect(results.filter((r) => r.ok)).toHaveLength(33);
    expect(results[33]).toEqual({ ok: false, leftPico: 10n });
  });

  it("a failed load is retried by the next caller", async () => {
    let calls = 0;
    const tracker = new CreditTracker(async () => {
      calls++;
      if (calls === 1) throw new Error("database busy");
      return 1n;
    });
    await expect(tracker.current("k", "never", 0)).rejects.toThrow("database busy");
    await expect(tracker.current("k", "never", 0)).resolves.toMatchObject({ spentPico: 1n });
  });

  it("forgetting (a budget changed) keeps the reservations of calls in flight until they settle", async () => {
    let ledger = 100n;
    const tracker = new CreditTracker(async () => ledger);
    const state = await tracker.current("u", "monthly", 0);
    tracker.reserve(state, 1_000n, 800n);
    tracker.forget("u");
    // The call in flight still holds its 800: a new call cannot take the same headroom.
    expect(tracker.current("u", "monthly", 0)).toBe(state);
    expect(tracker.reserve(state, 1_000n, 200n)).toEqual({ ok: false, leftPico: 100n });
    tracker.settle(state, 800n, 300n);
    ledger = 400n;
    // Settled: the next use reloads the spend from the ledger.
    await expect(tracker.current("u", "monthly", 0)).resolves.toMatchObject({ spentPico: 400n, reservedPico: 0n });
  });
});

describe("formatUsd rounding for limits", () => {
  it("rounds a cost up and what is left down, so a refusal's comparison stays true", () => {
    expect(formatUsd(12_300_000_000n, "up")).toBe("$0.02");
    expect(formatUsd(12_300_000_000n, "down")).toBe("$0.01");
    expect(formatUsd(4_000_000_000n, "down")).toBe("$0.004");
    expect(formatUsd(4_010_000_001n, "up")).toBe("$0.0041");
    expect(formatUsd(4_019_999_999n, "down")).toBe("$0.004");
    expect(formatUsd(5n * 10n ** 12n, "down")).toBe("$5.00");
    expect(formatUsd(1_234_567n, "up")).toBe("$0.0000013");
    expect(formatUsd(1n, "up")).toBe("$0.000000000001");
    expect(formatUsd(0n, "down")).toBe("$0");
    expect(formatUsd(9_999_999_999n, "up")).toBe("$0.01");
  });
});

