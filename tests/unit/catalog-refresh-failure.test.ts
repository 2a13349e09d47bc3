// A refresh that fails keeps the last good catalog and says why, per provider.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixture from "../fixtures/openrouter-models.json";
import { publishLists, recordAttempt, resetCatalogState } from "../../lib/catalog/catalog-state";
import { getCatalogStatus } from "../../lib/catalog/catalog-status";
import { findEndpoint, getCatalogModel } from "../../lib/catalog/lookup";
import { toProviderModelList } from "../../lib/catalog/merge-catalog";
import { refreshCatalog } from "../../lib/catalog/refresh-catalog";
import { resetEnvCache } from "../../lib/env";

const saved = { ...process.env };
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-failure-"));
  // Port 1 refuses connections at once: a provider that is down, chosen by configuration.
  Object.assign(process.env, { OPENROUTER_API_KEY: "x", OPENROUTER_BASE_URL: "http://127.0.0.1:1/v1", DATABASE_URL: `file:${dir}/app.db`, CATALOG_REFRESH_HOURS: "0" });
  resetEnvCache();
  resetCatalogState();
});

afterAll(() => {
  process.env = saved;
  resetEnvCache();
  resetCatalogState();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a failed refresh", () => {
  it("keeps the last good refreshed prices and records the error", async () => {
    const good = toProviderModelList("openrouter", fixture.data, new Date("2026-08-10T12:00:00Z"));
    publishLists([good]);
    recordAttempt("openrouter", null, new Date(good.fetchedAt));
    expect(findEndpoint("openrouter", "openai/gpt-4o-mini")?.endpoint.prompt).toBe("0.00000012");

    await refreshCatalog();

    expect(findEndpoint("openrouter", "openai/gpt-4o-mini")?.endpoint.prompt).toBe("0.00000012");
    expect(getCatalogModel("acme/nova-2-pro")?.name).toBe("Acme: Nova 2 Pro");
    const status = getCatalogStatus().providers.find((p) => p.provider === "openrouter")!;
    expect(status.lastSuccessAt).toBe("2026-08-10T12:00:00.000Z");
    expect(status.lastError).toMatch(/connection|ECONNREFUSED|fetch/i);
    expect(status.modelCount).toBe(6);
    expect(Date.parse(status.lastAttemptAt!)).toBeGreaterThan(Date.parse(status.lastSuccessAt!));
  });

  it("with nothing refreshed before, falls back to the bundled snapshot", async () => {
    resetCatalogState();
    await refreshCatalog();
    expect(findEndpoint("openrouter", "openai/gpt-4o-mini")?.endpoint.prompt).toBe("0.00000015");
    expect(getCatalogModel("acme/nova-2-pro")).toBeUndefined();
    const status = getCatalogStatus();
    expect(status.providers.find((p) => p.provider === "openrouter")).toMatchObject({ lastSuccessAt: null, modelCount: 0 });
    expect(status.providers.find((p) => p.provider === "openrouter")?.lastError).toBeTruthy();
    expect(status.snapshotTakenAt).toBe("2026-08-01");
  });
});
