// One attempt at one endpoint through the SDK, returning the raw HTTP response so its bytes
// can be relayed without being parsed and re-encoded. Non-2xx answers throw (SDK errors).
// The request comes shaped by the quirks normaliser (shape-requests.ts); a model that cannot
// stream answers whole, and that answer is replayed as an SSE body.
import type { ChatCompletion } from "openai/resources/chat/completions";
import { getEnv } from "../env";
import { getProviderClient } from "../providers/client";
import { Deadline } from "../providers/deadline";
import { bodyChunks } from "../providers/fast-fetch";
import { UpstreamError } from "../providers/upstream-error";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import { chunksToSse, completionToChunks } from "../providers/quirks/replay-stream";
import type { Candidate } from "../router/resolve-model";

export interface UpstreamAttempt {
  response: Response;
  /** Aborts the attempt; also armed by the first-token and idle timers. */
  controller: AbortController;
  /** Re-arms the idle timer; call per chunk. */
  touch(): void;
  timedOut(): boolean;
  dispose(): void;
  /** The body's chunks; when the attempt's own timer cut it, that surfaces as a 408 timeout. */
  chunks(): AsyncGenerator<Uint8Array>;
}

export async function openUpstream(candidate: Candidate, request: NormalisedRequest, clientSignal: AbortSignal): Promise<UpstreamAttempt> {
  const env = getEnv();
  const controller = new AbortController();
  const onClientAbort = () => controller.abort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });
  const deadline = new Deadline(() => controller.abort());
  const dispose = () => {
    deadline.dispose();
    clientSignal.removeEventListener("abort", onClientAbort);
  };

  deadline.arm(env.UPSTREAM_TIMEOUT_MS);
  try {
    const client = getProviderClient(candidate.provider);
    let response = await client.chat.completions.create(request.params as never, { signal: controller.signal }).asResponse();
    if (request.replay) {
      const completion = (await response.json()) as ChatCompletion;
      response = new Response(chunksToSse(completionToChunks(completion)), { headers: { "content-type": "text/event-stream" } });
    }
    const body = response;
    const timeout = () => new UpstreamError(`${candidate.provider.label} did not answer in time`, 408, "timeout");
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        yield* bodyChunks(body);
      } catch (error) {
        if (deadline.expired && !clientSignal.aborted) throw timeout();
        throw error;
      }
      if (deadline.expired && !clientSignal.aborted) throw timeout();
    }
    return { response, controller, touch: () => deadline.touch(env.UPSTREAM_IDLE_TIMEOUT_MS), timedOut: () => deadline.expired, dispose, chunks };
  } catch (error) {
    dispose();
    if (deadline.expired) (error as { switchyardTimeout?: boolean }).switchyardTimeout = true;
    throw error;
  }
}
