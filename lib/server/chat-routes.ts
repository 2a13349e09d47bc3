// The chatroom's streaming endpoints, served straight from node:http by the app server
// (lean-routes.ts): `openChatTurn` / `openRegeneration` check and start a turn and hand back its
// stream, which the server writes to the socket (lib/chat/chat-sse.ts). It sits here, above both
// lib/chat and lib/blind, because it joins them: a hidden blind comparison's events are redacted.
import { requireUser } from "../auth/current-user";
import { blindColumns } from "../blind/blind-columns";
import { blindStateOf } from "../blind/blind-state";
import { redactEvents } from "../blind/redact-blind";
import { AppError } from "../errors";
import { parseJsonText } from "../http/parse-body";
import { prepareRegeneration } from "../chat/regenerate";
import { prepareTurn, streamColumns, type ChatStream } from "../chat/run-turn";
import { chatRequestSchema, fuseRequestSchema, regenerateRequestSchema } from "../chat/schemas";
import { prepareFusion } from "../chat/fuse";

export type { ChatStream } from "../chat/run-turn";

/** POST /api/chat: one prompt to every column, answers multiplexed into one event stream. */
export async function openChatTurn(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const parsed = parseJsonText(body, chatRequestSchema);
  const blind = parsed.conversationId ? await blindStateOf(user.id, parsed.conversationId) : null;
  // The page of a hidden blind comparison knows only placeholders: it cannot send column settings.
  if (blind?.hidden && parsed.columns) throw new AppError(400, "A blind comparison keeps its columns until the vote", "invalid_request", "columns");
  const request_ = parsed.blind ? { ...parsed, columns: await blindColumns(parsed), random: undefined } : parsed;
  const turn = await prepareTurn(user.id, request_);
  const stream = streamColumns(turn, [{ type: "turn", conversationId: turn.conversationId, turn: turn.turn, userMessageId: turn.userMessageId }]);
  const hidden = parsed.blind || blind?.hidden;
  if (!hidden) return stream;
  // A new comparison's runs are its columns in order; a continued one's come from the database.
  return blindStream(stream, blind ?? { models: turn.runs.map((r) => r.modelId), columnIds: turn.runs.map((r) => r.columnId) });
}

/** POST /api/chat/regenerate: a fresh answer for one column, streamed like a turn. */
export async function openRegeneration(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const { messageId } = parseJsonText(body, regenerateRequestSchema);
  const turn = await prepareRegeneration(user.id, messageId);
  const blind = await blindStateOf(user.id, turn.conversationId);
  const stream = streamColumns(turn, []);
  return blind?.hidden ? blindStream(stream, blind) : stream;
}

/** Columns are told apart by position only; every event goes through the blind redaction. */
function blindStream(stream: ChatStream, columns: { models: string[]; columnIds: string[] }): ChatStream {
  const positions = new Map(columns.columnIds.map((id, position) => [id, position]));
  return { run: (emit) => stream.run(redactEvents(emit, positions, columns.models)), stopAll: stream.stopAll };
}

/** POST /api/chat/fuse: a chosen model merges one turn's answers into one, streamed like a turn. */
export async function openFusion(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const { promptId, modelId } = parseJsonText(body, fuseRequestSchema);
  return streamColumns(await prepareFusion(user.id, promptId, modelId), []);
}
