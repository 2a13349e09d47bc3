// Where the response cache keeps its answers: the database, so every instance shares them and
// a restart keeps them. Writes happen after the answer was sent; expired rows are swept now
// and then on write. A lookup for an answer still being saved in this process waits for it.
import { getDb } from "../db/client";
import type { Usage } from "../ledger/usage";
import { processSingleton } from "../process-singleton";

export interface StoredAnswer {
  key: string;
  userId: string;
  provider: string;
  upstreamModel: string;
  /** The upstream's chunk payloads, in order. */
  events: string[];
  /** The answer's tokens when it was first made (no upstream cost: a replay costs nothing). */
  usage: Omit<Usage, "upstreamCostPico">;
  /** What the original call cost: what a hit saves. */
  costPico: bigint;
  expiresAt: Date;
}

const SWEEP_EVERY_MS = 10 * 60_000;

const state = () => processSingleton("response-cache-store", () => ({ saving: new Map<string, Promise<void>>(), sweptAt: 0 }));

export async function readAnswer(key: string, now = Date.now()): Promise<StoredAnswer | null> {
  await state().saving.get(key);
  const row = await getDb().responseCacheEntry.findUnique({ where: { key } });
  if (!row || row.expiresAt.getTime() <= now) return null;
  try {
    return { ...row, events: JSON.parse(row.events), usage: JSON.parse(row.usage) };
  } catch {
    return null;
  }
}

export function saveAnswer(answer: StoredAnswer): Promise<void> {
  const { saving } = state();
  const data = { ...answer, events: JSON.stringify(answer.events), usage: JSON.stringify(answer.usage), hits: 0 };
  const write = getDb()
    .responseCacheEntry.upsert({ where: { key: answer.key }, create: data, update: { ...data, createdAt: new Date() } })
    .then(() => sweepExpired())
    .catch((error) => console.error("[response-cache] could not store an answer:", error))
    .finally(() => {
      if (saving.get(answer.key) === write) saving.delete(answer.key);
    });
  saving.set(answer.key, write);
  return write;
}

export function countHit(key: string): void {
  void getDb()
    .responseCacheEntry.updateMany({ where: { key }, data: { hits: { increment: 1 } } })
    .catch(() => {});
}

async function sweepExpired(): Promise<void> {
  const s = state();
  if (Date.now() - s.sweptAt < SWEEP_EVERY_MS) return;
  s.sweptAt = Date.now();
  await getDb().responseCacheEntry.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
