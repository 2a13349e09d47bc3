// The scale-out topology of the README's compose.yaml, without containers: one Redis
// (redis-server as a process), one database (a fresh Postgres database when TEST_DATABASE_URL
// names a server, as in CI; else a fresh SQLite file both instances open), and two real app servers (`npm run api`'s CLI) on
// two ports, spoken to by the tests in turn (round robin), as a load balancer would.
// The test process is a third instance on the same database and Redis: it makes accounts
// and keys with the app's own functions and serves the page routes Next would.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { freePort, startRedisServer, type RedisProcess } from "../helpers/redis-server";
import { createTestDatabase } from "../helpers/test-db";

export interface Instance {
  url: string;
  port: number;
  /** Everything it printed, for a failing test's message. */
  log: string[];
  kill(): Promise<void>;
}

export interface Cluster {
  redis: RedisProcess;
  instances: Instance[];
  upstream: FakeUpstream;
  /** The i-th request goes to instance i mod 2. */
  pick(i: number): Instance;
  /** Starts instance i again (after kill). */
  restart(i: number): Promise<void>;
  close(): Promise<void>;
}

/** Short leases so a killed instance's reservations lapse within a test. */
export const LEASE_SECONDS = 2;

export async function startCluster(): Promise<Cluster> {
  const redis = await startRedisServer();
  const upstream = await startFakeUpstream({ deltas: 3 });
  const { startSandboxServer } = await import("@/lib/providers/sandbox/server");
  const sandbox = await startSandboxServer({ port: 0, speed: 1 });
  const env: Record<string, string> = {
    DATABASE_URL: createTestDatabase(),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: `scale-${process.pid}:`,
    RESERVATION_LEASE_SECONDS: String(LEASE_SECONDS),
    SANDBOX_ENABLED: "true",
    SANDBOX_BASE_URL: sandbox.url,
    OPENROUTER_API_KEY: "test",
    OPENROUTER_BASE_URL: upstream.url,
    FREE_TIER_OPENROUTER_RPM: "10",
    FREE_TIER_OPENROUTER_RPD: "1000",
    CATALOG_REFRESH_HOURS: "0",
    HOST: "127.0.0.1",
  };
  Object.assign(process.env, env);
  (await import("@/lib/env")).resetEnvCache();
  await (await import("@/lib/redis/bus")).startBus();

  const instances: Instance[] = [];
  const launch = async (i: number, port?: number) => {
    // Each instance has its own data folder (its ledger outbox and catalog cache), as on its own machine.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `switchyard-instance-${i}-`));
    instances[i] = await startInstance({ ...env, DATA_DIR: dataDir, PORT: String(port ?? (await freePort())) });
  };
  await Promise.all([launch(0), launch(1)]);
  return {
    redis,
    instances,
    upstream,
    pick: (i) => instances[i % instances.length],
    restart: (i) => launch(i, instances[i].port),
    async close() {
      await Promise.all(instances.map((instance) => instance.kill()));
      await Promise.all([sandbox.close(), upstream.close()]);
      await (await import("@/lib/redis/client")).closeRedis();
      await redis.stop();
    },
  };
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/cli/api-server.ts", "--no-migrate"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  child.stdout!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${env.PORT} exited: ${log.join("")}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`instance on ${env.PORT} did not start: ${log.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: Number(env.PORT),
    log,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}
