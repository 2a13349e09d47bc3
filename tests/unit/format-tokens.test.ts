import { describe, expect, it } from "vitest";
import { formatTokens } from "@/lib/format/tokens";

describe("formatTokens", () => {
  it("shows small counts exactly", () => {
    expect(formatTokens(0)).toBe("0");
    expect(formatTokens(950)).toBe("950");
    expect(formatTokens(999)).toBe("999");
  });

  it("uses k and M with one decimal", () => {
    expect(formatTokens(1_000)).toBe("1k");
    expect(formatTokens(12_345)).toBe("12.3k");
    expect(formatTokens(1_200_000)).toBe("1.2M");
    expect(formatTokens(3_400_000_000)).toBe("3.4B");
  });

  it("never shows 1000k", () => {
    expect(formatTokens(999_949)).toBe("999.9k");
    expect(formatTokens(999_950)).toBe("1M");
  });

  it("shows a dash for missing counts", () => {
    expect(formatTokens(null)).toBe("–");
    expect(formatTokens(Number.NaN)).toBe("–");
  });
});
