// What one call came to, whatever its end: the endpoint that served it (or failed last),
// what was delivered, its usage and cost as the ledger records them, and every attempt.
import type { AppError } from "../errors";
import type { Usage } from "../ledger/usage";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { UpstreamError } from "../providers/upstream-error";
import type { Candidate } from "../router/resolve-model";
import type { StopReason } from "./live-calls";
import type { AssembledToolCall } from "./tool-calls";

export interface Attempt {
  provider: string;
  upstreamModel: string;
  status: "ok" | "error";
  error?: string;
  httpStatus?: number | null;
  ms: number;
}

export interface CallOutcome {
  generationId: string;
  status: "done" | "stopped" | "error";
  /** Why it failed (status "error"), or null. */
  error: UpstreamError | AppError | null;
  /** Why it was stopped (status "stopped"), or null. */
  stopReason: StopReason | null;
  served: Candidate;
  request: NormalisedRequest;
  text: string;
  reasoning: string;
  toolCalls: AssembledToolCall[];
  finishReason: string | null;
  /** Reported by the provider, or estimated from what was sent and delivered. */
  usage: Usage;
  costPico: bigint;
  started: number;
  firstTokenAt: number | null;
  attempts: Attempt[];
  /** Replayed from the response cache: no upstream was called and it cost nothing. */
  responseCacheHit?: boolean;
}
