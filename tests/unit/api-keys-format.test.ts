import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, displayPrefix, generateApiKey, hashApiKey, parseAuthorization } from "@/lib/auth/api-keys-format";
import { validateApiKeyInput } from "@/lib/auth/api-keys-input";

describe("API key format", () => {
  it("is sk-sy-v1- and 43 base64url characters of 32 random bytes", () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^sk-sy-v1-[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(9), "base64url")).toHaveLength(32);
    }
  });

  it("stores a SHA-256 hex hash and shows the first 12 characters", () => {
    const key = "sk-sy-v1-" + "A".repeat(43);
    expect(hashApiKey(key)).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(displayPrefix(key)).toBe("sk-sy-v1-AAA…");
  });

  it("reads Bearer headers and explains what is wrong with the rest", () => {
    const key = generateApiKey();
    expect(parseAuthorization(`Bearer ${key}`)).toEqual({ ok: true, key });
    expect(parseAuthorization(`bearer  ${key} `)).toEqual({ ok: true, key });
    expect(parseAuthorization(null)).toMatchObject({ ok: false, reason: expect.stringContaining("Missing API key") });
    expect(parseAuthorization("Basic abc")).toMatchObject({ ok: false, reason: expect.stringContaining("Malformed Authorization header") });
    expect(parseAuthorization("Bearer sk-abc")).toMatchObject({ ok: false, reason: expect.stringContaining("Malformed API key") });
    expect(parseAuthorization(`Bearer ${key}x`).ok).toBe(false);
    expect(API_KEY_PATTERN.test(key)).toBe(true);
  });
});

describe("validateApiKeyInput", () => {
  const now = Date.UTC(2026, 4, 13);

  it("turns USD into exact picodollars and fills defaults", () => {
    expect(validateApiKeyInput({ name: " ci ", creditLimitUsd: "0.50" }, now)).toEqual({
      name: "ci",
      creditLimitPico: 500_000_000_000n,
      creditReset: "never",
      rpm: null,
      rpd: null,
      tpm: null,
      logPrompts: false,
      responseCache: false,
      expiresAt: null,
    });
  });

  it.each([
    [{ name: "" }, "name is required"],
    [{ name: "x", creditLimitUsd: "-1" }, "creditLimitUsd must be a decimal amount"],
    [{ name: "x", creditLimitUsd: "1e3" }, "creditLimitUsd must be a decimal amount"],
    [{ name: "x", rpm: 0 }, "rpm must be at least 1"],
    [{ name: "x", tpm: 1.5 }, "tpm must be a whole number"],
    [{ name: "x", creditReset: "hourly" as never }, "creditReset must be one of never, daily, weekly, monthly"],
    [{ name: "x", expiresAt: new Date(now - 1) }, "expiresAt must be in the future"],
  ])("rejects %o", (input, message) => {
    expect(() => validateApiKeyInput(input, now)).toThrow(message);
  });
});
