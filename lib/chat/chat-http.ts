// The chatroom's streaming endpoints. `openChatTurn` / `openRegeneration` check and start a
// turn and hand back its stream; Next's route files answer with it as a Web Response, and
// the app server writes it straight to node:http (lib/server/lean-routes.ts), which keeps
// Next's and Web streams' per-request work off the time to first token.
import { requireUser } from "../auth/current-user";
import { errorResponse } from "../errors";
import { parseJsonBody, parseJsonText } from "../http/parse-body";
import { chatEventResponse } from "../streaming/chat-sse";
import { prepareRegeneration } from "./regenerate";
import { prepareTurn, streamColumns, type ChatStream } from "./run-turn";
import { chatRequestSchema, regenerateRequestSchema } from "./schemas";

export type { ChatStream } from "./run-turn";

/** How a chat route reads its JSON body: from the request, or already read (`body`). */
const readBody = <S extends Parameters<typeof parseJsonText>[1]>(request: Request, schema: S, body?: string) =>
  body === undefined ? parseJsonBody(request, schema) : parseJsonText(body, schema);

/** POST /api/chat: one prompt to every column, answers multiplexed into one event stream. */
export async function openChatTurn(request: Request, rawBody?: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const body = await readBody(request, chatRequestSchema, rawBody);
  const turn = await prepareTurn(user.id, body);
  return streamColumns(turn, [{ type: "turn", conversationId: turn.conversationId, turn: turn.turn, userMessageId: turn.userMessageId }]);
}

/** POST /api/chat/regenerate: a fresh answer for one column, streamed like a turn. */
export async function openRegeneration(request: Request, rawBody?: string): Promise<ChatStream> {
  const user = await requireUser(request);
  const { messageId } = await readBody(request, regenerateRequestSchema, rawBody);
  return streamColumns(await prepareRegeneration(user.id, messageId), []);
}

export const handleChatPost = (request: Request) => respond(openChatTurn, request);
export const handleRegeneratePost = (request: Request) => respond(openRegeneration, request);

async function respond(open: (request: Request) => Promise<ChatStream>, request: Request): Promise<Response> {
  try {
    const stream = await open(request);
    // A closed tab stops every column.
    request.signal.addEventListener("abort", stream.stopAll, { once: true });
    return chatEventResponse(stream);
  } catch (error) {
    return errorResponse(error);
  }
}
