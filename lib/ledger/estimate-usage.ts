// Usage when the provider reported none (it does not send usage, or the stream was cut before
// it came): counted from what was sent and what was delivered, and marked estimated.
import { countTokens } from "./count-tokens";
import { NO_USAGE, type Usage } from "./usage";

export interface Delivered {
  /** Answer text, reasoning text, and the tool calls' JSON, as the client received them. */
  text: string;
  reasoning: string;
  toolCalls: string;
}

export function deliveredNothing(delivered: Delivered): boolean {
  return delivered.text === "" && delivered.reasoning === "" && delivered.toolCalls === "";
}

/** A call that delivered nothing cost nothing (the provider did not say otherwise). */
export function estimateUsage(promptTokens: () => number, delivered: Delivered): Usage {
  if (deliveredNothing(delivered)) return NO_USAGE;
  const reasoningTokens = countTokens(delivered.reasoning);
  return {
    promptTokens: promptTokens(),
    completionTokens: countTokens(delivered.text) + countTokens(delivered.toolCalls) + reasoningTokens,
    reasoningTokens,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    estimated: true,
  };
}
