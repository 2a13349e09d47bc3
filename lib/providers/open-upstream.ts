// One attempt at one endpoint: the request goes out (upstream-request.ts) and the raw body
// comes back as bytes, so the API can relay them and the chatroom read them, each chunk read
// once. Every attempt streams: a model that cannot answers whole, and that answer is replayed
// as the stream it would have sent. Non-2xx answers throw; every way of running out of time
// is one UpstreamError of kind "timeout".
import type { ChatCompletion } from "openai/resources/chat/completions";
import { getEnv } from "../env";
import { Deadline } from "./deadline";
import { pushBody } from "./fast-fetch";
import type { NormalisedRequest } from "./quirks/normalise-request";
import { chunksToSse, completionToChunks } from "./quirks/replay-stream";
import type { ProviderConfig } from "./registry";
import { postChatCompletion, readBodyText, type UpstreamResponse } from "./upstream-request";
import { toUpstreamError, UpstreamError } from "./upstream-error";

export interface UpstreamBody {
  /** Hands the body's bytes to `onBytes` as they arrive (pushed, not iterated: no promise per
   * chunk) and resolves at its end. If `onBytes` throws, reading stops with that error. */
  read(onBytes: (bytes: Uint8Array) => void): Promise<void>;
  /** Stops reading and frees the timers (idempotent). */
  dispose(): void;
}

const encoder = new TextEncoder();

/** Opens the attempt; rejects with an UpstreamError (aborted, timeout, http, connection). */
export async function openUpstream(provider: ProviderConfig, request: NormalisedRequest, signal: AbortSignal): Promise<UpstreamBody> {
  const env = getEnv();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (signal.aborted) throw new UpstreamError("Stopped", null, "aborted");
  signal.addEventListener("abort", onAbort, { once: true });
  // No first byte within the timeout, or no chunk for the idle timeout: the upstream is stuck.
  const deadline = new Deadline(onAbort);
  const dispose = () => {
    deadline.dispose();
    signal.removeEventListener("abort", onAbort);
  };
  const fail = (error: unknown, phase: "connect" | "read"): UpstreamError => {
    if (signal.aborted) return new UpstreamError("Stopped", null, "aborted");
    if (deadline.expired) return new UpstreamError(`${provider.label} did not answer in time`, 408, "timeout");
    if (error instanceof UpstreamError) return error;
    // Before an answer, any failure is a failure to reach the provider; after, a broken stream.
    if (phase === "connect") return new UpstreamError(`Could not reach ${provider.label}: ${messageOf(error)}`, null, "connection");
    return toUpstreamError(error, provider.label);
  };

  deadline.arm(env.UPSTREAM_TIMEOUT_MS);
  let response: UpstreamResponse;
  try {
    response = await postChatCompletion(provider, request.params, controller.signal);
    if (request.replay) {
      const completion = JSON.parse(await readBodyText(response.body)) as ChatCompletion;
      response = { status: 200, body: new Response(encoder.encode(chunksToSse(completionToChunks(completion)))).body };
    }
  } catch (error) {
    dispose();
    throw fail(error, "connect");
  }
  const idleMs = env.UPSTREAM_IDLE_TIMEOUT_MS;
  let complete = false;
  return {
    async read(onBytes) {
      try {
        await pushBody(response.body, (bytes) => {
          deadline.touch(idleMs);
          onBytes(bytes);
        }, controller.signal);
      } catch (error) {
        // What the reader threw (a malformed or error chunk) is already the right error.
        throw fail(error, "read");
      }
      // An abort may end the body quietly: that is a stop (or a timeout), never a finish.
      if (controller.signal.aborted) throw fail(new Error("aborted"), "read");
      complete = true;
    },
    dispose() {
      dispose();
      // A body left unread (a failure in our reader) is cut; a finished one needs nothing.
      if (!complete && !controller.signal.aborted) controller.abort();
    },
  };
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
