// One attempt at one endpoint through the SDK, returning the raw HTTP response so its bytes
// can be relayed without being parsed and re-encoded. Non-2xx answers throw (SDK errors).
import { getEnv } from "../env";
import { getProviderClient } from "../providers/client";
import type { Candidate } from "../router/resolve-model";
import { ROUTER_ONLY_FIELDS, type ChatCompletionRequest } from "./chat-request-schema";

export interface UpstreamAttempt {
  response: Response;
  /** Aborts the attempt; also armed by the first-token and idle timers. */
  controller: AbortController;
  /** Re-arms the idle timer; call per chunk. */
  touch(): void;
  timedOut(): boolean;
  dispose(): void;
}

export async function openUpstream(candidate: Candidate, body: ChatCompletionRequest, stream: boolean, clientSignal: AbortSignal): Promise<UpstreamAttempt> {
  const env = getEnv();
  const controller = new AbortController();
  const onClientAbort = () => controller.abort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      expired = true;
      controller.abort();
    }, ms);
  };
  const dispose = () => {
    clearTimeout(timer);
    clientSignal.removeEventListener("abort", onClientAbort);
  };

  const params: Record<string, unknown> = { ...body, model: candidate.upstreamModel, stream };
  for (const field of ROUTER_ONLY_FIELDS) delete params[field];
  if (stream && candidate.provider.quirks.streamUsageOption) params.stream_options = { ...(body.stream_options ?? {}), include_usage: true };
  else if (!stream) delete params.stream_options;

  arm(env.UPSTREAM_TIMEOUT_MS);
  try {
    const client = getProviderClient(candidate.provider);
    const response = await client.chat.completions.create(params as never, { signal: controller.signal }).asResponse();
    return { response, controller, touch: () => arm(env.UPSTREAM_IDLE_TIMEOUT_MS), timedOut: () => expired, dispose };
  } catch (error) {
    dispose();
    if (expired) (error as { switchyardTimeout?: boolean }).switchyardTimeout = true;
    throw error;
  }
}
