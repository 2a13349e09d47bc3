// Token counts for providers that send no usage (and for streams cut before usage came).
import { encode } from "gpt-tokenizer";

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
