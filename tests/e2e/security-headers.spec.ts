// The browser-facing defences: pages carry a CSP whose script nonce is fresh per request and
// stamped on every script; every response says nosniff and may not be framed; JSON answers
// allow nothing at all.
import { expect, test } from "@playwright/test";

test("pages and API answers carry the security headers, and every page script has the nonce", async ({ page, request }) => {
  const first = await page.goto("/");
  const csp = first!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  expect(first!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first!.headers()["x-frame-options"]).toBe("DENY");

  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = await page.locator("script").evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const value of scripts) expect(value).toBe(nonce);

  const again = await page.goto("/usage");
  expect(/'nonce-([^']+)'/.exec(again!.headers()["content-security-policy"])![1]).not.toBe(nonce);

  for (const path of ["/api/conversations", "/api/v1/models", "/api/health"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("default-src 'none'");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});
