// What the engine is asked to do: who calls, which model(s), the OpenAI chat-completions body
// to send, and how to route it. Every edge (the chatroom, chat completions, and the other API
// formats) turns its own request into one of these.
import type { WireMessage } from "../providers/quirks/message-rules";
import type { NormaliseOptions } from "../providers/quirks/normalise-request";
import type { ProviderPreferences } from "../router/plan-route";
import type { KeyLimits } from "../limits/admit";
import type { ResponseCachePolicy } from "./response-cache-policy";

export interface CallerKey extends KeyLimits {
  /** Keep the request and answer text in the ledger (the key owner asked for it). */
  logPrompts: boolean;
}

export interface CallCaller {
  userId: string;
  /** "judge": a model judging a comparison turn (the arena); its cost is shown apart from the answers'. */
  source: "chat" | "api" | "judge";
  /** The API key the call came with; null for the chatroom. */
  key: CallerKey | null;
  conversationId?: string | null;
  messageId?: string | null;
}

/** An OpenAI chat-completions request body, without routing fields (and without `stream`:
 * every upstream call streams; a non-streaming answer is collected from the stream). */
export type CallBody = Record<string, unknown> & { messages: WireMessage[] };

export interface CallSpec {
  caller: CallCaller;
  /** The model asked for, as the client named it. */
  requestedModel: string;
  /** Models to try in order (the requested one first), each a catalog id or provider/model. */
  models: string[];
  preferences?: ProviderPreferences;
  body: CallBody;
  options?: NormaliseOptions;
  /** Aborted when the caller stops the call (its reason: a StopReason). */
  signal: AbortSignal;
  /** The ledger row's id, when the edge must know it before the call ends (a header). */
  generationId?: string;
  /** Use the response cache (response-cache-policy.ts); absent: off. */
  cache?: ResponseCachePolicy | null;
}
