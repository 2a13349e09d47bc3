import { describe, expect, it } from "vitest";
import { generateShareToken, isWellFormedShareToken, SHARE_TOKEN_BYTES } from "@/lib/share/token";

describe("share tokens", () => {
  it("are 32 base64url characters carrying 192 random bits", () => {
    const token = generateShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(SHARE_TOKEN_BYTES);
    expect(SHARE_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
  });

  it("never repeat over many draws and use the whole alphabet", () => {
    const tokens = Array.from({ length: 20_000 }, generateShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const seen = new Set(tokens.join(""));
    expect(seen.size).toBe(64);
  });

  it("spread their bits evenly (no fixed or sequential prefix)", () => {
    const tokens = Array.from({ length: 4_000 }, generateShareToken);
    expect(new Set(tokens.map((t) => t.slice(0, 4))).size).toBeGreaterThan(3_900);
    // Each bit of the first byte is set about half the time.
    for (let bit = 0; bit < 8; bit++) {
      const ones = tokens.filter((t) => (Buffer.from(t, "base64url")[0] >> bit) & 1).length;
      expect(ones / tokens.length).toBeGreaterThan(0.45);
      expect(ones / tokens.length).toBeLessThan(0.55);
    }
  });

  it("reject anything that is not the token shape before it reaches the database", () => {
    expect(isWellFormedShareToken(generateShareToken())).toBe(true);
    for (const bad of ["", "abc", "cuid123", `${generateShareToken()}x`, "a".repeat(31) + "/", "../../etc/passwd".padEnd(32, "a")]) {
      expect(isWellFormedShareToken(bad)).toBe(false);
    }
  });
});
