// `npm run keys` end to end: a real process against its own database, then the app's own
// authentication agrees with what the CLI did.
import { execFileSync, spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/test-db";

let databaseUrl: string;
let apiKeys: typeof import("@/lib/auth/api-keys");

function keys(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function keysFailing(...args: string[]) {
  const result = spawnSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  databaseUrl = createTestDatabase();
  process.env.DATABASE_URL = databaseUrl;
  apiKeys = await import("@/lib/auth/api-keys");
});

// Each test starts the CLI as a process (TypeScript compiled on the fly) up to four times: on a
// busy two-core machine that alone can pass the default 30 s limit.
describe("keys CLI", { timeout: 120_000 }, () => {
  it("creates a key (printed once, alone on stdout), lists it, and revokes it by prefix", async () => {
    const key = keys("create", "--name", "Nightly job", "--credit-limit", "2.5", "--reset", "weekly", "--rpm", "30", "--rpd", "1000", "--tpm", "50000", "--log-prompts", "--expires", "2099-06-30").trim();
    expect(key).toMatch(/^sk-sy-v1-[A-Za-z0-9_-]{43}$/);

    const context = await apiKeys.authenticateApiKey(`Bearer ${key}`);
    expect(context).toMatchObject({ name: "Nightly job", creditLimitPico: 2_500_000_000_000n, creditReset: "weekly", rpm: 30, rpd: 1000, tpm: 50_000, logPrompts: true });
    expect(context.expiresAt?.toISOString()).toBe("2099-06-30T23:59:59.999Z");

    const table = keys("list");
    const [header, row] = table.trim().split("\n");
    expect(header).toMatch(/^ID\s+NAME\s+PREFIX\s+STATUS\s+CREDIT/);
    expect(row).toContain(context.id);
    expect(row).toContain(key.slice(0, 12) + "…");
    expect(row).toContain("active");
    expect(row).toContain("$0 of $2.50 weekly");
    expect(row).toContain("30/min, 1000/day, 50000 tok/min");
    expect(table).not.toContain(key);

    expect(keys("revoke", key.slice(0, 12) + "…").trim()).toBe(`Revoked "Nightly job" (${key.slice(0, 12)}…)`);
    expect(keys("list")).toMatch(/Nightly job.*revoked/);
    // Stored as revoked: a running app sees it within its key cache's lifetime (seconds).
    const stored = await (await import("@/lib/db/client")).getDb().apiKey.findUniqueOrThrow({ where: { id: context.id } });
    expect(stored.revokedAt).not.toBeNull();
  });

  it("revokes by id", async () => {
    const key = keys("create", "--name", "by id").trim();
    const { id } = await apiKeys.authenticateApiKey(`Bearer ${key}`);
    expect(keys("revoke", id).trim()).toBe(`Revoked "by id" (${key.slice(0, 12)}…)`);
  });

  it.each([
    [["create"], "create needs --name NAME"],
    [["create", "--name", "x", "--rpm", "fast"], '--rpm must be a whole number, got "fast"'],
    [["create", "--name", "x", "--reset", "hourly"], "--reset must be one of never, daily, weekly, monthly"],
    [["create", "--name", "x", "--credit-limit", "lots"], "--credit-limit must be a decimal amount in USD"],
    [["create", "--name", "x", "--expires", "2001-01-01"], "--expires must be in the future"],
    [["create", "--name", "x", "--colour", "red"], "Unknown option '--colour'"],
    [["frobnicate"], 'Unknown command "frobnicate"'],
    [["revoke"], "revoke needs exactly one key id or prefix"],
  ])("exits 2 with a clear message for %j", (args, message) => {
    const result = keysFailing(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("applies the migrations to a database that does not exist yet", () => {
    // An empty database of the same kind (SQLite file or Postgres database) that nothing has migrated.
    const fresh = createTestDatabase({ migrate: false });
    const out = execFileSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", "list"], { env: { ...process.env, DATABASE_URL: fresh }, encoding: "utf8" });
    expect(out).toContain("No API keys yet");
  });

  it("exits 1 when there is no such key to revoke", () => {
    const result = keysFailing("revoke", "sk-sy-v1-nothere");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No API key with id or prefix "sk-sy-v1-nothere"');
  });
});
