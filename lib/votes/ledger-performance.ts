// What each model's chatroom answers cost and how fast they came, from the ledger: the
// quality-against-cost chart's other axis. Exact money: the mean is a bigint division.
import { getDb } from "../db/client";

export interface LedgerPerformance {
  model: string;
  answers: number;
  /** Picodollars, decimal string; null when no answer finished. */
  averageCostPico: string | null;
  averageTtftMs: number | null;
  tokensPerSecond: number | null;
}

export async function ledgerPerformance(models: readonly string[], userId: string | null): Promise<LedgerPerformance[]> {
  if (models.length === 0) return [];
  const rows = await getDb().generation.groupBy({
    by: ["modelId"],
    where: { modelId: { in: [...models] }, status: "done", responseCacheHit: false, ...(userId ? { userId } : {}) },
    _count: { _all: true },
    _sum: { costPico: true, completionTokens: true, totalMs: true, ttftMs: true },
    _avg: { ttftMs: true },
  });
  const byModel = new Map(rows.map((r) => [r.modelId, r]));
  return models.map((model) => {
    const row = byModel.get(model);
    const count = row?._count._all ?? 0;
    const streamMs = (row?._sum.totalMs ?? 0) - (row?._sum.ttftMs ?? 0);
    return {
      model,
      answers: count,
      averageCostPico: count > 0 ? ((row!._sum.costPico ?? 0n) / BigInt(count)).toString() : null,
      averageTtftMs: row?._avg.ttftMs ?? null,
      tokensPerSecond: streamMs > 0 ? ((row?._sum.completionTokens ?? 0) * 1000) / streamMs : null,
    };
  });
}
