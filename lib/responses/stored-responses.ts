// Stored Responses API answers (the StoredResponse table), always scoped to their owner: what
// `previous_response_id` continues from, and what GET/DELETE /api/v1/responses/:id read.
// Kept 30 days, as OpenAI keeps them; older rows are swept at most once an hour, on a write.
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { processSingleton } from "../process-singleton";
import type { WireMessage } from "../providers/quirks/message-rules";
import type { ResponseObject } from "./response-object";

export const STORED_RESPONSE_DAYS = 30;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export async function saveResponse(userId: string, messages: WireMessage[], response: ResponseObject): Promise<void> {
  await getDb().storedResponse.create({ data: { id: response.id, userId, messages: JSON.stringify(messages), response: JSON.stringify(response) } });
  sweepExpired();
}

/** The conversation a response ended, ready to continue; 404 when the user has no such response. */
export async function loadConversation(userId: string, id: string): Promise<WireMessage[]> {
  const row = await getDb().storedResponse.findFirst({ where: { id, userId, createdAt: { gt: oldestKept() } }, select: { messages: true } });
  if (!row) throw notFound(id, "previous_response_id");
  return JSON.parse(row.messages) as WireMessage[];
}

export async function getStoredResponse(userId: string, id: string): Promise<ResponseObject> {
  const row = await getDb().storedResponse.findFirst({ where: { id, userId, createdAt: { gt: oldestKept() } }, select: { response: true } });
  if (!row) throw notFound(id, "response_id");
  return JSON.parse(row.response) as ResponseObject;
}

export async function deleteStoredResponse(userId: string, id: string): Promise<void> {
  const { count } = await getDb().storedResponse.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound(id, "response_id");
}

function notFound(id: string, param: string): AppError {
  return new AppError(404, `No stored response with id '${id}' (responses are kept ${STORED_RESPONSE_DAYS} days, and only when stored)`, "not_found", param);
}

const oldestKept = () => new Date(Date.now() - STORED_RESPONSE_DAYS * 24 * 60 * 60 * 1000);

function sweepExpired(): void {
  const state = processSingleton("stored-responses-sweep", () => ({ last: 0 }));
  if (Date.now() - state.last < SWEEP_EVERY_MS) return;
  state.last = Date.now();
  getDb()
    .storedResponse.deleteMany({ where: { createdAt: { lte: oldestKept() } } })
    .catch((error) => console.warn("[responses] could not sweep expired stored responses:", error));
}
