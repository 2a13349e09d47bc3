// Fault-injection soak (not in CI): five minutes of mixed chatroom turns and API streams
// against the sandbox, with random drops, 5xx, 429s, error chunks, missing usage, slow streams
// and client aborts, while the server is killed twice (SIGKILL) and stopped once (SIGTERM),
// restarting each time. At the end, from the ledger and what the clients saw: every call has
// exactly one ledger row, none is left open, recorded tokens cover what was delivered (and at
// most a chunk more), no key or budget passed its limit by more than one request's worst
// case, and the server's memory came back near its warm idle.
//   npx tsx bench/soak.ts            (SOAK_SECONDS=300, SOAK_CLIENTS=10)
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { apiCall, chatTurn, type CallRecord, type SoakIdentity } from "./lib/soak-clients";
import { checkLedger, type SoakLimit } from "./lib/soak-checks";
import { SeededRandom } from "../lib/providers/sandbox/random";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 10);
const PORT = 30000 + Math.floor(Math.random() * 10000);
const URL_ = `http://127.0.0.1:${PORT}`;
const DB = path.resolve("data/soak.db");
const ENV = { ...process.env, DATABASE_URL: `file:${DB}`, SANDBOX_ENABLED: "true", SANDBOX_SPEED: "4", CATALOG_REFRESH_HOURS: "0", PORT: String(PORT), HOST: "127.0.0.1" };

let server: ChildProcess | null = null;
let serverExit: Promise<void> = Promise.resolve();

async function startServer(): Promise<void> {
  const child = spawn(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "lib/cli/api-server.ts", "--no-migrate"], { env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  serverExit = new Promise((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("API ready") && resolve());
    child.stderr!.on("data", (d: Buffer) => process.env.SOAK_VERBOSE && process.stderr.write(d));
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  server = child;
}

async function stopServer(signal: "SIGKILL" | "SIGTERM"): Promise<void> {
  const child = server;
  server = null;
  child?.kill(signal);
  await serverExit;
}

const rssMiB = () => (server?.pid ? Number(fs.readFileSync(`/proc/${server.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]) / 1024 : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(): Promise<{ who: SoakIdentity[]; limits: SoakLimit[] }> {
  Object.assign(process.env, ENV);
  const { getDb } = await import("../lib/db/client");
  const { createSession } = await import("../lib/auth/sessions");
  const { createApiKey } = await import("../lib/auth/api-keys");
  const { planCall } = await import("../lib/calls/plan-call");
  const { worstCaseOf } = await import("../lib/calls/worst-case");
  const { prompt } = await import("./lib/soak-clients");
  const db = getDb();
  const budgetPico = 50_000_000_000n; // $0.05
  const admin = await db.user.create({ data: { email: "soak-admin@switchyard.local", name: "Admin", role: "admin", passwordHash: "x" } });
  const member = await db.user.create({ data: { email: "soak-member@switchyard.local", name: "Member", role: "member", passwordHash: "x", monthlyBudgetPico: budgetPico } });
  const headersOf = async (id: string) => {
    const { token, csrf } = await createSession(id);
    return { cookie: `sy_session=${token}; sy_csrf=${csrf}`, "x-csrf-token": csrf };
  };
  const key = async (userId: string, input: Record<string, unknown>) => {
    const { key: secret, apiKey } = await createApiKey(userId, { name: "soak", ...input });
    return { id: apiKey.id, secret };
  };
  const free = await key(admin.id, {});
  const credit = await key(admin.id, { creditLimitUsd: "0.02" });
  const rated = await key(admin.id, { rpm: 40, tpm: 40_000 });
  const memberKey = await key(member.id, {});
  // The most one soak request can reserve: the dearest model, the longest prompt, the largest output bound.
  const random = () => 0.999;
  const apiWorst = worstCaseOf(planCall({ models: ["sandbox/atlas-large"], body: { messages: [{ role: "user", content: prompt(random) }], max_tokens: 400 } })).costPico;
  const chatWorst = worstCaseOf(planCall({ models: ["sandbox/atlas-large"], body: { messages: [{ role: "user", content: prompt(random) }] } })).costPico;
  await db.$disconnect();
  return {
    who: [
      { userId: admin.id, chatHeaders: await headersOf(admin.id), keys: [free, credit, rated] },
      { userId: member.id, chatHeaders: await headersOf(member.id), keys: [memberKey] },
    ],
    limits: [
      { id: credit.id, kind: "key", limitPico: 20_000_000_000n, worstCasePico: apiWorst },
      { id: member.id, kind: "budget", limitPico: budgetPico, worstCasePico: chatWorst > apiWorst ? chatWorst : apiWorst },
    ],
  };
}

async function main() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  fs.mkdirSync(path.dirname(DB), { recursive: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: ENV, stdio: "ignore" });
  const { who, limits } = await seed();
  await startServer();

  const calls: CallRecord[] = [];
  const started = Date.now();
  let paused = false;
  let running = true;
  const worker = async (n: number) => {
    const seeded = new SeededRandom(n * 7919);
    const random = () => seeded.next();
    while (running) {
      if (paused || !server) {
        await sleep(100);
        continue;
      }
      const me = who[n % who.length];
      const r = random();
      if (r < 0.45) {
        const record = await apiCall(URL_, me, random, true);
        if (record) calls.push(record);
      } else if (r < 0.6) {
        const record = await apiCall(URL_, me, random, false);
        if (record) calls.push(record);
      } else calls.push(...(await chatTurn(URL_, me, random)));
    }
  };
  const workers = Array.from({ length: CLIENTS }, (_, i) => worker(i));
  const at = (fraction: number) => started + fraction * SECONDS * 1000;
  const until = async (time: number) => sleep(Math.max(0, time - Date.now()));
  const restarts: string[] = [];
  const restart = async (signal: "SIGKILL" | "SIGTERM") => {
    const t0 = Date.now();
    await stopServer(signal);
    await startServer();
    restarts.push(`${signal} at ${((t0 - started) / 1000).toFixed(0)} s (back in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  await until(at(0.2));
  await restart("SIGKILL");
  await until(at(0.45));
  await restart("SIGKILL");
  await until(at(0.65));
  await restart("SIGTERM");
  // The last server's warm idle: a spell of load, then quiet.
  await until(at(0.72));
  paused = true;
  await sleep(8_000);
  const warmIdle = rssMiB();
  paused = false;
  await until(at(1) + 8_000);
  running = false;
  await Promise.all(workers);
  await sleep(12_000);
  const finalIdle = rssMiB();
  await stopServer("SIGTERM");

  Object.assign(process.env, ENV);
  const { getDb } = await import("../lib/db/client");
  const result = await checkLedger(getDb(), calls, limits, 4);
  const byKind = (kind: CallRecord["kind"]) => calls.filter((c) => c.kind === kind).length;
  const gaps = (list: { gap: number }[]) => (list.length ? `min ${Math.min(...list.map((g) => g.gap))}, max ${Math.max(...list.map((g) => g.gap))}` : "none");
  console.log(`soak: ${SECONDS} s, ${CLIENTS} clients; ${restarts.join("; ")}`);
  console.log(`calls: ${calls.length} (${byKind("api-stream")} API streams, ${byKind("api-whole")} API whole answers, ${byKind("chat")} chatroom answers); statuses ${JSON.stringify(countBy(calls.map((c) => c.status)))}`);
  console.log(`aborted by the client: ${calls.filter((c) => c.aborted).length}; cut by a kill: ${calls.filter((c) => c.cut).length}`);
  console.log(`ledger rows: ${result.rows}; calls with an id: ${result.made}; matched to one row: ${result.matched}`);
  console.log(`recorded − delivered completion tokens: served calls ${gaps(result.served)} (${result.served.length}); killed calls ${gaps(result.killed)} (${result.killed.length})`);
  for (const limit of result.limits) console.log(`${limit.kind} limit ${limit.limitPico} pico: spent ${limit.spentPico} (${((Number(limit.spentPico) / Number(limit.limitPico)) * 100).toFixed(1)}%; one request's worst case ${limit.worstCasePico})`);
  console.log(`RSS: warm idle ${warmIdle.toFixed(0)} MiB, after the run ${finalIdle.toFixed(0)} MiB (${(((finalIdle - warmIdle) / warmIdle) * 100).toFixed(1)}%)`);
  if (finalIdle > warmIdle * 1.2) result.problems.push("RSS did not come back within 20% of its warm idle");
  console.log(result.problems.length ? `PROBLEMS:\n- ${result.problems.join("\n- ")}` : "all checks passed");
  process.exit(result.problems.length ? 1 : 0);
}

function countBy(values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

main().catch((error) => {
  console.error(error);
  server?.kill("SIGKILL");
  process.exit(1);
});
