import { describe, expect, it } from "vitest";
import { formatUsdPerMillion, parseUsdPerToken, usdPerTokenFromPerMillion } from "../../lib/catalog/price";

describe("parseUsdPerToken", () => {
  it.each([
    ["0", 0n],
    ["0.000000075", 75_000n],
    ["0.0000025", 2_500_000n],
    ["0.00000015", 150_000n],
    ["0.0000006", 600_000n],
    ["0.00001", 10_000_000n],
    ["0.0000000028", 2_800n],
    ["0.000000003625", 3_625n],
    ["0.000000000001", 1n],
    ["1", 1_000_000_000_000n],
    ["12.5", 12_500_000_000_000n],
  ])("reads %s USD/token as %s picodollars", (price, pico) => {
    expect(parseUsdPerToken(price)).toBe(pico);
  });

  it("rounds half up past the 12th decimal", () => {
    expect(parseUsdPerToken("0.0000006000000000000001")).toBe(600_000n);
    expect(parseUsdPerToken("0.00000100000000000000015")).toBe(1_000_000n);
    expect(parseUsdPerToken("0.0000000000005")).toBe(1n);
    expect(parseUsdPerToken("0.0000000000004999")).toBe(0n);
    expect(parseUsdPerToken("0.0000000000015")).toBe(2n);
  });

  it.each(["-0.000001", "", " ", "abc", "1e-7", "0.", ".5", "0.1.2", "$0.1", " 0.1", "0,1", "NaN", "Infinity"])(
    "rejects %j",
    (bad) => {
      expect(() => parseUsdPerToken(bad)).toThrow(Error);
    },
  );
});

describe("formatUsdPerMillion", () => {
  it.each([
    [75_000n, "0.075"],
    [2_500_000n, "2.5"],
    [150_000n, "0.15"],
    [0n, "0"],
    [15_000_000n, "15"],
    [1n, "0.000001"],
    [2_800n, "0.0028"],
    [3_625n, "0.003625"],
    [168_000_000n, "168"],
  ])("formats %s picodollars/token as $%s per million", (pico, text) => {
    expect(formatUsdPerMillion(pico)).toBe(text);
  });

  it("round-trips through usdPerTokenFromPerMillion and parseUsdPerToken", () => {
    for (const pico of [0n, 1n, 19_000n, 75_000n, 150_000n, 2_500_000n, 10_000_000n, 15_000_000n, 123_456_789n]) {
      const perMillion = formatUsdPerMillion(pico);
      expect(parseUsdPerToken(usdPerTokenFromPerMillion(perMillion))).toBe(pico);
    }
  });
});

describe("usdPerTokenFromPerMillion", () => {
  it.each([
    ["0.075", "0.000000075"],
    ["2.5", "0.0000025"],
    ["15", "0.000015"],
    ["0", "0"],
    ["1000000", "1"],
    ["2500000", "2.5"],
    ["0.0028", "0.0000000028"],
    ["00.50", "0.0000005"],
  ])("turns $%s per million into %s per token", (perMillion, perToken) => {
    expect(usdPerTokenFromPerMillion(perMillion)).toBe(perToken);
  });

  it("rejects garbage", () => {
    expect(() => usdPerTokenFromPerMillion("-1")).toThrow(Error);
    expect(() => usdPerTokenFromPerMillion("two")).toThrow(Error);
  });
});
