// Token counts Switchyard makes itself: for the worst case a call may cost (admission), for
// fitting a context window, and for usage when a provider reports none. A request is counted
// as a provider bills its prompt: every message (text parts, tool calls, tool results), the
// tool definitions and a response schema — all of it, since all of it is sent upstream.
import { encode } from "gpt-tokenizer";
import { LRUCache } from "lru-cache";
import { processSingleton } from "../process-singleton";

/** OpenAI's chat format adds a few tokens per message for role and separators. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;
/**
 * What one image can cost as prompt tokens, at most: OpenAI's high detail tops out at 1,445
 * (768×2048, 8 tiles), Anthropic's at ~1,600 (1.15 megapixels / 750). Counted as the bound.
 */
export const IMAGE_TOKEN_BOUND = 1_600;

/**
 * Long texts are counted once and remembered. A conversation resends its whole history with
 * every turn, and each call counts its prompt for the worst case (once per column in the
 * chatroom, and again for usage when a provider reports none): without this, counting a
 * 35,000-token history took the event loop ~14 ms on every turn, remembered well under 1 ms
 * (bench/README.md, "Long conversations").
 * Short texts cost microseconds to count and would only churn the cache.
 */
const REMEMBER_FROM_CHARS = 1_000;
/** Total characters of the texts kept (a few MB of strings at most); least recently used go first. */
const REMEMBERED_CHARS = 4_000_000;

const rememberedCounts = () =>
  processSingleton("token-counts", () => new LRUCache<string, number>({ maxSize: REMEMBERED_CHARS, sizeCalculation: (_count, text) => text.length }));

export function countTokens(text: string): number {
  if (!text) return 0;
  if (text.length < REMEMBER_FROM_CHARS) return encode(text).length;
  const remembered = rememberedCounts();
  let count = remembered.get(text);
  if (count === undefined) {
    count = encode(text).length;
    remembered.set(text, count);
  }
  return count;
}

/** The parts of a request body that are billed as prompt tokens. */
export interface CountableRequest {
  messages: readonly { role: string; content?: unknown; name?: unknown; tool_calls?: unknown; tool_call_id?: unknown }[];
  tools?: unknown;
  functions?: unknown;
  response_format?: unknown;
}

/** Texts and images of a request as the tokenizer sees them. */
function pieces(request: CountableRequest, onText: (text: string) => void): number {
  let images = 0;
  for (const message of request.messages) {
    onText(message.role);
    const content = message.content;
    if (typeof content === "string") onText(content);
    else if (Array.isArray(content)) {
      for (const part of content as { type?: string; text?: unknown }[]) {
        if (typeof part?.text === "string") onText(part.text);
        else if (part?.type === "image_url" || part?.type === "input_image" || part?.type === "image") images += 1;
        else if (part && typeof part === "object") onText(JSON.stringify(part));
      }
    }
    if (typeof message.name === "string") onText(message.name);
    if (message.tool_calls) onText(JSON.stringify(message.tool_calls));
    if (typeof message.tool_call_id === "string") onText(message.tool_call_id);
  }
  for (const extra of [request.tools, request.functions, request.response_format]) {
    if (extra !== undefined && extra !== null) onText(JSON.stringify(extra));
  }
  return images;
}

const overhead = (request: CountableRequest) => TOKENS_PER_REPLY + TOKENS_PER_MESSAGE * request.messages.length;

/** The prompt tokens of a request, counted with the tokenizer. */
export function countRequestTokens(request: CountableRequest): number {
  let total = overhead(request);
  const images = pieces(request, (text) => {
    total += countTokens(text);
  });
  return total + images * IMAGE_TOKEN_BOUND;
}

/**
 * A cheap bound that is never below the count: a byte-level BPE token covers at least one
 * byte, so UTF-8 bytes bound the tokens. Exact counting is left for when the bound is not enough.
 */
export function requestTokenBound(request: CountableRequest): number {
  let total = overhead(request);
  const images = pieces(request, (text) => {
    total += Buffer.byteLength(text);
  });
  return total + images * IMAGE_TOKEN_BOUND;
}
