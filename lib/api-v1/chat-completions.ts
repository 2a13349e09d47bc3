// POST /api/v1/chat/completions on node:http: the OpenAI chat completions edge. It parses the
// request into a call for the one engine (lib/calls) and answers with the engine's chunks:
// relayed as they come when streaming, collected into one answer when not.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "../auth/api-keys";
import { responseCachePolicy } from "../calls/response-cache-policy";
import { runCall } from "../calls/run-call";
import { newGenerationId } from "../ledger/ledger-writer";
import { applyPreset } from "../presets/apply-preset";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { clientSignal } from "./client-signal";
import { parseChatRequest, toCallSpec } from "./chat-request";
import { CollectSink } from "./collect-sink";
import { openAiErrorBody, sendOpenAiError } from "./openai-error";
import { readJsonBody } from "./read-body";
import { RelaySink } from "./relay-sink";
import { sendWholeAnswer } from "./whole-answer";
import { runStreamed } from "./event-stream-sink";

export async function handleChatCompletions(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const signal = clientSignal(res);
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const body = parseChatRequest(await readJsonBody(req));
    // Settled once per process (at start); only the first request of a bare test server waits on it.
    await ensureProviderCredentials();
    const spec = await applyPreset(key.userId, toCallSpec(key, body, signal, newGenerationId()));
    spec.cache = responseCachePolicy(req.headers, key);
    if (body.stream) {
      const sink = new RelaySink(res, spec.generationId!, spec.requestedModel, body.stream_options?.include_usage === true);
      sink.end(await runStreamed(spec, sink));
    } else {
      const sink = new CollectSink();
      const outcome = await runCall(spec, sink);
      sendWholeAnswer(res, outcome, outcome.status === "done" ? sink.completion(outcome, spec.requestedModel) : null, openAiErrorBody);
    }
  } catch (error) {
    // Refused before anything was sent upstream: bad input, key, limits, unknown model.
    sendOpenAiError(res, error);
  }
}
