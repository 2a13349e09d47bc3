// Where a call's output goes: each edge (the chatroom, the API's relay, Responses, Messages,
// a collecting sink for non-streaming answers) hands the engine one of these.
import type { ChunkView } from "../providers/chunk-reader";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";
import type { Candidate } from "../router/resolve-model";

export interface CallSink {
  /** An endpoint answered and its stream is about to be read (again for a fallback that answers);
   * `source` is "cache" when a stored answer is replayed instead (response-cache.ts). */
  opened?(candidate: Candidate, request: NormalisedRequest, source?: "upstream" | "cache"): void;
  /** One chunk, in order; `content` says whether it carried answer text, reasoning or tool calls. */
  chunk(view: ChunkView, content: boolean): void;
  /** Every chunk of one upstream read has been handed over: a good moment to write. */
  flush?(): void;
}
