// GET /api/ready: whether this instance can serve, for a load balancer's readiness probe —
// the database answers, and Redis too when REDIS_URL is set (without it credit, budgets and
// rate limits fail closed). /api/health stays a liveness check that touches nothing.
import { getDb } from "../db/client";
import { checkRedis } from "../redis/client";

interface Check {
  ok: boolean;
  error?: string;
}

const PROBE_TIMEOUT_MS = 2_000;

async function checkDatabase(): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("no answer within 2 s")), PROBE_TIMEOUT_MS))),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(): Promise<{ status: 200 | 503; body: { ready: boolean; database: Check; redis: Check | "not configured" } }> {
  const [database, redis] = await Promise.all([checkDatabase(), checkRedis()]);
  const ready = database.ok && (redis === null || redis.ok);
  if (!ready) console.warn(`[ready] not ready: database ${database.ok ? "ok" : database.error}; redis ${redis === null ? "not configured" : redis.ok ? "ok" : redis.error}`);
  return { status: ready ? 200 : 503, body: { ready, database, redis: redis ?? "not configured" } };
}
