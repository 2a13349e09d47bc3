// POST /api/v1/messages (Anthropic's Messages API) and /api/v1/messages/count_tokens on
// node:http. The key comes as `x-api-key` (Anthropic's clients) or `Authorization: Bearer`;
// `anthropic-version` and `anthropic-beta` are accepted and need nothing. The request becomes a
// call for the one engine (messages-call.ts); its chunks become Anthropic events when
// streaming, one Message when not. Errors are in Anthropic's shape.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey, type ApiKeyContext } from "../auth/api-keys";
import { planCall } from "../calls/plan-call";
import { runCall, type CallSink } from "../calls/run-call";
import { clientSignal } from "../api-v1/client-signal";
import { readJsonBody } from "../api-v1/read-body";
import { sendWholeAnswer } from "../api-v1/whole-answer";
import { validateBody } from "../http/parse-body";
import { countRequestTokens } from "../ledger/count-tokens";
import { newGenerationId } from "../ledger/ledger-writer";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { anthropicErrorBody, sendAnthropicError } from "./anthropic-error";
import { wholeMessage } from "./anthropic-message";
import { toMessagesCall, toRoutedPrompt } from "./messages-call";
import { countTokensRequestSchema, messagesRequestSchema } from "./messages-request-schema";
import { MessagesStreamSink } from "./messages-stream-sink";
import { runStreamed } from "../api-v1/event-stream-sink";
import { applyPreset } from "../presets/apply-preset";
import { responseCachePolicy } from "../calls/response-cache-policy";

/** A non-streaming answer needs nothing from the chunks: the outcome has it all. */
const OUTCOME_ONLY: CallSink = { chunk() {} };

function authenticate(req: IncomingMessage): Promise<ApiKeyContext> {
  const apiKey = req.headers["x-api-key"];
  return authenticateApiKey(typeof apiKey === "string" && apiKey ? `Bearer ${apiKey}` : (req.headers.authorization ?? null));
}

export async function handleMessages(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const signal = clientSignal(res);
  try {
    const key = await authenticate(req);
    const request = validateBody(await readJsonBody(req), messagesRequestSchema);
    await ensureProviderCredentials();
    const spec = await applyPreset(key.userId, toMessagesCall(key, request, signal, newGenerationId()));
    spec.cache = responseCachePolicy(req.headers, key);
    if (request.stream) {
      const sink = new MessagesStreamSink(res, spec.generationId!, spec.requestedModel);
      sink.end(await runStreamed(spec, sink));
    } else {
      const outcome = await runCall(spec, OUTCOME_ONLY);
      sendWholeAnswer(res, outcome, outcome.status === "done" ? wholeMessage(outcome, spec.requestedModel) : null, anthropicErrorBody);
    }
  } catch (error) {
    sendAnthropicError(res, error);
  }
}

/** The prompt tokens of a request, counted as admission counts them: on the request its first endpoint would get. */
export async function handleCountTokens(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await authenticate(req);
    const request = validateBody(await readJsonBody(req), countTokensRequestSchema);
    await ensureProviderCredentials();
    const plan = planCall(toRoutedPrompt(request));
    const inputTokens = countRequestTokens(plan.requests.get(plan.candidates[0])!.params);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ input_tokens: inputTokens }));
  } catch (error) {
    sendAnthropicError(res, error);
  }
}
