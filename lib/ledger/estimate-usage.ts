// Token counts for providers that send no usage (and for streams cut before usage came).
import { encode } from "gpt-tokenizer";
import type { Usage } from "../streaming/events";

/** OpenAI's chat format adds a few tokens per message for role and separators. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;

export function countTokens(text: string): number {
  return text ? encode(text).length : 0;
}

export function countPromptTokens(messages: { role: string; content: string }[]): number {
  let total = TOKENS_PER_REPLY;
  for (const message of messages) total += TOKENS_PER_MESSAGE + countTokens(message.content) + countTokens(message.role);
  return total;
}

/** Usage when the upstream reported none (not sent, or the stream was cut): counted from what
 * arrived, and marked estimated. A call that never reached an upstream cost no prompt. */
export function estimateUsage(promptTokens: () => number, text: string, reasoning: string, reachedUpstream: boolean): Usage {
  const reasoningTokens = countTokens(reasoning);
  return {
    promptTokens: reachedUpstream ? promptTokens() : 0,
    completionTokens: countTokens(text) + reasoningTokens,
    reasoningTokens,
    cachedTokens: 0,
    estimated: reachedUpstream,
  };
}
