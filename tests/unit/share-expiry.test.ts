import { describe, expect, it } from "vitest";
import { expiresAtFor, expiresInSchema, shareLinkStatus } from "@/lib/share/expiry";

const now = new Date("2026-03-10T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

describe("share link expiry", () => {
  it("maps each choice to its moment", () => {
    expect(expiresAtFor("never", now)).toBeNull();
    expect(expiresAtFor("1d", now)?.toISOString()).toBe("2026-03-11T12:00:00.000Z");
    expect(expiresAtFor("7d", now)?.getTime()).toBe(now.getTime() + 7 * DAY);
    expect(expiresAtFor("30d", now)?.getTime()).toBe(now.getTime() + 30 * DAY);
  });

  it("accepts only the offered choices", () => {
    expect(expiresInSchema.safeParse("7d").success).toBe(true);
    for (const bad of ["2d", "", "forever", 7, null]) expect(expiresInSchema.safeParse(bad).success).toBe(false);
  });

  it("works up to the last millisecond and stops at the instant it expires", () => {
    const expiresAt = expiresAtFor("1d", now)!;
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, new Date(expiresAt.getTime() - 1))).toBe("active");
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
    expect(shareLinkStatus({ expiresAt, revokedAt: null }, new Date(expiresAt.getTime() + 1))).toBe("expired");
  });

  it("never expires a link without an expiry, and revocation wins over everything", () => {
    expect(shareLinkStatus({ expiresAt: null, revokedAt: null }, new Date("2099-01-01"))).toBe("active");
    expect(shareLinkStatus({ expiresAt: null, revokedAt: now }, now)).toBe("revoked");
    expect(shareLinkStatus({ expiresAt: new Date(now.getTime() - DAY), revokedAt: now }, now)).toBe("revoked");
  });
});
