// When the scope's first and latest calls were: the dashboard opens on the shortest range
// that shows them all, not on 30 days with one thin bar at the right edge.
import { z } from "zod";
import { getDb } from "../db/client";
import { userWhere } from "./scope";

export const spanQuerySchema = z.object({
  user: z.string().max(64, "must be me, all or a user id").optional(),
  conversationId: z.string().min(1).max(200).optional(),
});

export interface UsageSpan {
  /** ISO times; null when there is no call at all. */
  first: string | null;
  last: string | null;
}

/** `conversationId` narrows it to one conversation's calls (the page scoped to a chat). */
export async function getUsageSpan(userId: string, conversationId?: string): Promise<UsageSpan> {
  const where = { ...userWhere(userId), ...(conversationId ? { conversationId } : {}) };
  const result = await getDb().generation.aggregate({ where, _min: { createdAt: true }, _max: { createdAt: true } });
  return { first: result._min.createdAt?.toISOString() ?? null, last: result._max.createdAt?.toISOString() ?? null };
}
