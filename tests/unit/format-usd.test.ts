import { describe, expect, it } from "vitest";
import { formatPricePerMillion, formatUsd, sumPico, toPico } from "@/lib/format/usd";

describe("formatUsd", () => {
  it("shows zero as $0", () => {
    expect(formatUsd("0")).toBe("$0");
    expect(formatUsd(0n)).toBe("$0");
    expect(formatUsd(null)).toBe("$0");
  });

  it("shows amounts of a cent or more with two decimals", () => {
    expect(formatUsd("1230000000000")).toBe("$1.23");
    expect(formatUsd(10_000_000_000n)).toBe("$0.01");
    expect(formatUsd(1_234_567_000_000_000n)).toBe("$1,234.57");
    expect(formatUsd(1_005_000_000_000n)).toBe("$1.01");
  });

  it("keeps two significant digits below a cent", () => {
    expect(formatUsd("4200000000")).toBe("$0.0042");
    expect(formatUsd("12000000")).toBe("$0.000012");
    expect(formatUsd("4249000000")).toBe("$0.0042");
    expect(formatUsd("4250000000")).toBe("$0.0043");
    expect(formatUsd(1n)).toBe("$0.000000000001");
    expect(formatUsd(500_000_000n)).toBe("$0.0005");
  });

  it("rounds up across the cent boundary without a third digit", () => {
    expect(formatUsd(9_990_000_000n)).toBe("$0.01");
    expect(formatUsd(999_600_000n)).toBe("$0.001");
  });

  it("handles negative amounts and junk input", () => {
    expect(formatUsd(-4_200_000_000n)).toBe("-$0.0042");
    expect(formatUsd("not a number")).toBe("$0");
  });
});

describe("sumPico", () => {
  it("adds exactly, beyond float precision", () => {
    expect(sumPico(["9007199254740993", "1", null, 2n])).toBe(9007199254740996n);
    expect(toPico(" 42 ")).toBe(42n);
  });
});

describe("formatPricePerMillion", () => {
  it("shows exact decimal prices compactly", () => {
    expect(formatPricePerMillion("0.075")).toBe("$0.075");
    expect(formatPricePerMillion("15")).toBe("$15");
    expect(formatPricePerMillion("0")).toBe("$0");
    expect(formatPricePerMillion("0.0001234")).toBe("$0.00012");
    expect(formatPricePerMillion(null)).toBe("?");
  });
});
