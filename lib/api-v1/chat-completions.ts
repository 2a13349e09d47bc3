// POST /api/v1/chat/completions on node:http: the OpenAI chat completions edge. It parses the
// request into a call for the one engine (lib/calls) and answers with the engine's chunks:
// relayed as they come when streaming, collected into one answer when not.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "../auth/api-keys";
import { adjustmentHeaders } from "../calls/plan-call";
import { responseCachePolicy } from "../calls/response-cache-policy";
import { runCall } from "../calls/run-call";
import type { CallOutcome } from "../calls/call-outcome";
import { newGenerationId } from "../ledger/ledger-writer";
import { applyPreset } from "../presets/apply-preset";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { failureStatus } from "./call-failure";
import { parseChatRequest, toCallSpec } from "./chat-request";
import { CollectSink } from "./collect-sink";
import { openAiErrorBody, sendOpenAiError } from "./openai-error";
import { readJsonBody } from "./read-body";
import { RelaySink } from "./relay-sink";

export async function handleChatCompletions(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const client = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) client.abort("client");
  });
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const body = parseChatRequest(await readJsonBody(req));
    // Settled once per process (at start); only the first request of a bare test server waits on it.
    await ensureProviderCredentials();
    const spec = await applyPreset(key.userId, toCallSpec(key, body, client.signal, newGenerationId()));
    spec.cache = responseCachePolicy(req.headers, key);
    if (body.stream) {
      const sink = new RelaySink(res, spec.generationId!, spec.requestedModel, body.stream_options?.include_usage === true);
      sink.end(await runCall(spec, sink));
    } else {
      const sink = new CollectSink();
      respondWhole(res, await runCall(spec, sink), sink, spec.requestedModel);
    }
  } catch (error) {
    // Refused before anything was sent upstream: bad input, key, limits, unknown model.
    sendOpenAiError(res, error);
  }
}

function respondWhole(res: ServerResponse, outcome: CallOutcome, sink: CollectSink, requestedModel: string): void {
  if (res.destroyed) return;
  const headers = { "content-type": "application/json", "x-generation-id": outcome.generationId, ...adjustmentHeaders(outcome.request, outcome.responseCacheHit) };
  if (outcome.status === "done") {
    res.writeHead(200, headers);
    res.end(JSON.stringify(sink.completion(outcome, requestedModel)));
    return;
  }
  const { status, code } = outcome.error ? failureStatus(outcome.error) : { status: 503, code: "stopped" };
  res.writeHead(status, headers);
  res.end(openAiErrorBody(status, outcome.error?.message ?? "The call was stopped before it finished", code));
}
