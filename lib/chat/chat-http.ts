// The chatroom's streaming endpoints, served straight from node:http by the app server
// (lib/server/lean-routes.ts): `openChatTurn` / `openRegeneration` check and start a turn and
// hand back its stream, which the server writes to the socket (chat-sse.ts).
import { requireUser } from "../auth/current-user";
import { parseJsonText } from "../http/parse-body";
import { prepareRegeneration } from "./regenerate";
import { prepareTurn, streamColumns, type ChatStream } from "./run-turn";
import { chatRequestSchema, fuseRequestSchema, regenerateRequestSchema } from "./schemas";
import { prepareFusion } from "./fuse";

export type { ChatStream } from "./run-turn";

/** POST /api/chat: one prompt to every column, answers multiplexed into one event stream. */
export async function openChatTurn(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const turn = await prepareTurn(user.id, parseJsonText(body, chatRequestSchema));
  return streamColumns(turn, [{ type: "turn", conversationId: turn.conversationId, turn: turn.turn, userMessageId: turn.userMessageId }]);
}

/** POST /api/chat/regenerate: a fresh answer for one column, streamed like a turn. */
export async function openRegeneration(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const { messageId } = parseJsonText(body, regenerateRequestSchema);
  return streamColumns(await prepareRegeneration(user.id, messageId), []);
}

/** POST /api/chat/fuse: a chosen model merges one turn's answers into one, streamed like a turn. */
export async function openFusion(request: Request, body: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const { promptId, modelId } = parseJsonText(body, fuseRequestSchema);
  return streamColumns(await prepareFusion(user.id, promptId, modelId), []);
}
