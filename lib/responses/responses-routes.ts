// POST /api/v1/responses (OpenAI's Responses API) on node:http, and GET / DELETE
// /api/v1/responses/:id for stored responses. The request becomes a call for the one engine
// (responses-call.ts); its chunks become Responses events when streaming, one Response object
// when not. A stored response (unless `store: false`) is written before the client hears the
// answer is complete, so a `previous_response_id` sent right after finds it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey, type ApiKeyContext } from "../auth/api-keys";
import { runCall, type CallSink } from "../calls/run-call";
import { clientSignal } from "../api-v1/client-signal";
import { openAiErrorBody, sendOpenAiError } from "../api-v1/openai-error";
import { readJsonBody } from "../api-v1/read-body";
import { sendWholeAnswer } from "../api-v1/whole-answer";
import { validateBody } from "../http/parse-body";
import { newGenerationId } from "../ledger/ledger-writer";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import type { WireMessage } from "../providers/quirks/message-rules";
import { finalResponse, outputOf, responseShell, type ResponseObject } from "./response-object";
import { toResponsesCall } from "./responses-call";
import { outputToMessage } from "./responses-input";
import { responsesRequestSchema } from "./responses-request-schema";
import { ResponsesStreamSink } from "./responses-stream-sink";
import { deleteStoredResponse, getStoredResponse, loadConversation, saveResponse } from "./stored-responses";
import { runStreamed } from "../api-v1/event-stream-sink";
import { applyPreset } from "../presets/apply-preset";
import { responseCachePolicy } from "../calls/response-cache-policy";

/** A non-streaming answer needs nothing from the chunks: the outcome has it all. */
const OUTCOME_ONLY: CallSink = { chunk() {} };

export async function handleCreateResponse(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const signal = clientSignal(res);
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const request = validateBody(await readJsonBody(req), responsesRequestSchema);
    await ensureProviderCredentials();
    const previous = request.previous_response_id ? await loadConversation(key.userId, request.previous_response_id) : null;
    const call = toResponsesCall(key, request, previous, signal, newGenerationId());
    const spec = await applyPreset(key.userId, call.spec);
    spec.cache = responseCachePolicy(req.headers, key);
    const history = call.history;
    const shell = responseShell(request, spec.generationId!, spec.requestedModel, Math.floor(Date.now() / 1000));
    const keep = (response: ResponseObject | null) => (request.store !== false && response && response.status !== "failed" ? store(key, history, response) : undefined);
    if (request.stream) {
      const sink = new ResponsesStreamSink(res, shell);
      const outcome = await runStreamed(spec, sink);
      const response = sink.settle(outcome);
      await keep(response);
      sink.end(outcome, response);
    } else {
      const outcome = await runCall(spec, OUTCOME_ONLY);
      const response = outcome.status === "done" ? finalResponse(shell, outcome, outputOf(outcome), null) : null;
      await keep(response);
      sendWholeAnswer(res, outcome, response, openAiErrorBody);
    }
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

async function store(key: ApiKeyContext, history: WireMessage[], response: ResponseObject): Promise<void> {
  const answer = outputToMessage(response.output);
  try {
    await saveResponse(key.userId, answer ? [...history, answer] : history, response);
  } catch (error) {
    // The answer stands; only continuing it by id will not work.
    console.warn(`[responses] could not store response ${response.id}:`, error);
  }
}

export async function handleGetResponse(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const response = await getStoredResponse(key.userId, responseIdOf(req));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(response));
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

export async function handleDeleteResponse(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const id = responseIdOf(req);
    await deleteStoredResponse(key.userId, id);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id, object: "response", deleted: true }));
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

function responseIdOf(req: IncomingMessage): string {
  const path = (req.url ?? "").split("?")[0].replace(/\/+$/, "");
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1)).slice(0, 100);
}
