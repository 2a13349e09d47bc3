// The pre-send estimate for a hidden blind comparison: priced on the real models, but only the
// total goes back (a per-column figure would tell the models apart).
import type { z } from "zod";
import { estimateTurn } from "../chat/estimate-turn";
import type { estimateRequestSchema } from "../chat/schemas";
import { blindStateOf } from "./blind-state";

type EstimateBody = z.infer<typeof estimateRequestSchema>;

export async function estimateForPage(userId: string, body: EstimateBody) {
  const blind = body.conversationId ? await blindStateOf(userId, body.conversationId) : null;
  if (!blind?.hidden) return estimateTurn(userId, body);
  const estimate = await estimateTurn(userId, { ...body, columns: blind.models.map((modelId) => ({ modelId })) });
  return { columns: [], columnCount: blind.models.length, totalMaxCostPico: estimate.totalMaxCostPico, hidden: true };
}
