// Starts the standalone sandbox and the app as their own processes, so benchmarks measure
// real HTTP hops, and stops them afterwards.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pinned } from "./cpu";

export interface Proc {
  child: ChildProcess;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${pattern}`)), timeoutMs);
    const onData = (data: Buffer) => {
      const match = pattern.exec(data.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(d));
    child.stdout?.on("data", (d: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(d));
    child.on("exit", (code) => reject(new Error(`Process exited with ${code}`)));
  });
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}

export async function startSandboxProcess(port: number, speed: number): Promise<Proc & { url: string }> {
  const child = spawn("node_modules/.bin/tsx", ["lib/cli/sandbox-server.ts", "--port", String(port), "--speed", String(speed)], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await waitForLine(child, /(http:\/\/\S+\/v1)/, 30_000);
  return { child, url, stop: stopper(child) };
}

/** A bench script (TypeScript, through tsx's loader: one process, no wrapper) that prints
 * "at <url>" once it listens; `cpus` pins it (and all its threads) with taskset. */
export async function startScriptProcess(script: string, args: string[], cpus: string | null = null, nodeArgs: string[] = []): Promise<Proc & { url: string }> {
  const [command, argv] = pinned(cpus, process.execPath, ["--import", "tsx", ...nodeArgs, script, ...args]);
  const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
  const url = await waitForLine(child, / at (http:\/\/\S+)/, 30_000);
  return { child, url, stop: stopper(child) };
}

export interface AppOptions {
  /** taskset's CPU list for the app's whole process (every thread inherits it); null: unpinned. */
  cpus?: string | null;
  /** `npm run api`'s server (the lean routes without Next) instead of `npm start`'s, on the
   * database an app of the same port prepared (its accounts, keys and sessions). */
  apiOnly?: boolean;
  /** Another checkout of the app to serve from (its own code and node flags), on the database
   * the app of `preparedOn`'s port prepared: an A/B of two versions in one run. apiOnly only. */
  tree?: string;
  preparedOn?: number;
}

export async function startAppProcess(port: number, env: Record<string, string>, options: AppOptions = {}): Promise<Proc & { url: string }> {
  const db = benchDb(options.preparedOn ?? port);
  if (!options.apiOnly) for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  const cwd = options.tree ?? process.cwd();
  // Started exactly as `npm start` starts it (its node flags included), plus BENCH_APP_NODE_ARGS
  // after them, so a TypeScript `--import` loads through tsx: e.g. "--cpu-prof
  // --cpu-prof-dir=tmp-prof" profiles the app (not allowed in NODE_OPTIONS). `node` execs
  // no wrapper: the pid spawned is the process that serves.
  const [, ...startArgs] = (JSON.parse(fs.readFileSync(path.join(cwd, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start.split(" ");
  const extra = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const script = options.apiOnly ? "lib/cli/api-server.ts" : startArgs.at(-1)!;
  const [command, args] = pinned(options.cpus ?? null, process.execPath, [...startArgs.slice(0, -1), ...extra, script]);
  const child = spawn(command, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${db}`, ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, ...env },
  });
  if (process.env.BENCH_VERBOSE) console.log(`  app spawned at ${Date.now() % 1e6}`);
  await waitForLine(child, /ready on (\S+)/, 600_000);
  return { child, url: `http://127.0.0.1:${port}`, stop: stopper(child) };
}

/** The app's environment for a fake OpenAI-compatible upstream as its only provider: models
 * `fake/<model>`, no sandbox, no catalog download. */
export const fakeProviderEnv = (upstreamUrl: string, models = "bench-model") => ({
  CUSTOM_PROVIDER_FAKE_BASE_URL: upstreamUrl,
  CUSTOM_PROVIDER_FAKE_MODELS: models,
  SANDBOX_ENABLED: "false",
  CATALOG_REFRESH_HOURS: "0",
});

/** An API key for the bench admin of the app on `port`, as production keys are checked: rate
 * limits (rpm, rpd, tpm) and a credit limit (so prompts are counted for the worst case), all
 * set high enough never to refuse. */
export function createBenchKey(port: number): string {
  const output = execFileSync("node_modules/.bin/tsx", ["lib/cli/keys.ts", "create", "--name", "bench", "--rpm", "1000000", "--rpd", "100000000", "--tpm", "1000000000", "--credit-limit", "1000000"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: `file:${benchDb(port)}` },
  }).toString();
  return /(sk-sy-v1-\S+)/.exec(output)![1];
}

// Absolute, so a server started from another checkout (AppOptions.tree) finds the same file.
const benchDb = (port: number) => path.resolve("data", `bench-${port}.db`);

export const BENCH_ADMIN = { email: "bench@switchyard.local", password: "bench-password" };

/** Signs the bench admin in: the cookies and CSRF header a browser of that user sends. */
export async function benchSession(appUrl: string): Promise<{ cookies: { name: string; value: string }[]; headers: Record<string, string> }> {
  const response = await fetch(`${appUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": "login" }, body: JSON.stringify(BENCH_ADMIN) });
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  const csrf = cookies.find((c) => c.name === "sy_csrf")!.value;
  return { cookies, headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), "x-csrf-token": csrf } };
}

/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
