// The worst case of running a set: each prompt priced as the chatroom prices a turn (the
// engine's one worst-case function, lib/calls/worst-case.ts, through estimate-turn.ts).
import { estimateTurn } from "../chat/estimate-turn";

export interface SetEstimate {
  /** Per prompt, picodollars. */
  perPrompt: bigint[];
  totalPico: bigint;
}

export async function estimateSet(userId: string, prompts: readonly string[], models: readonly string[], maxTokens?: number): Promise<SetEstimate> {
  const columns = evalColumns(models, maxTokens);
  const perPrompt: bigint[] = [];
  for (const prompt of prompts) perPrompt.push(BigInt((await estimateTurn(userId, { prompt, columns })).totalMaxCostPico));
  return { perPrompt, totalPico: perPrompt.reduce((a, b) => a + b, 0n) };
}

/** The comparison's columns for a run: the models, each bounded by `maxTokens` when given. */
export function evalColumns(models: readonly string[], maxTokens?: number) {
  return models.map((modelId) => ({ modelId, ...(maxTokens ? { maxTokens } : {}) }));
}
