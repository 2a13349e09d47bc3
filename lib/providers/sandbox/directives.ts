// Failure and shape directives that tests write into the last user message, e.g.
// "Hi [[sandbox:status=429]]". They are parsed here and stripped before answering.

export const SANDBOX_DIRECTIVES = [
  { directive: "[[sandbox:status=N]]", effect: "answer at once with HTTP status N and an OpenAI error body (429 adds retry-after: 1)" },
  { directive: "[[sandbox:drop-after=N]]", effect: "stream N content chunks, then break the connection (no finish, no usage, no [DONE])" },
  { directive: "[[sandbox:error-after=N]]", effect: "stream N content chunks, then an OpenRouter-style chunk carrying `error`, then end" },
  { directive: "[[sandbox:no-usage]]", effect: "never report usage, even when stream_options.include_usage asks for it" },
  { directive: "[[sandbox:slow]]", effect: "ten times slower (time to first token and tokens per second)" },
  { directive: "[[sandbox:tokens=N]]", effect: "exactly N completion tokens (reasoning included), unless max_tokens or stop cut it first" },
] as const;

export interface Directives {
  status?: number;
  dropAfter?: number;
  errorAfter?: number;
  noUsage: boolean;
  slow: boolean;
  tokens?: number;
}

const DIRECTIVE_PATTERN = /\[\[sandbox:([a-z-]+)(?:=([^\]]*))?\]\]/gi;

export function parseDirectives(text: string): Directives {
  const found: Directives = { noUsage: false, slow: false };
  for (const match of text.matchAll(DIRECTIVE_PATTERN)) {
    const name = match[1].toLowerCase();
    const value = match[2] === undefined ? undefined : Number.parseInt(match[2], 10);
    const count = value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
    if (name === "status" && count !== undefined && count >= 100 && count <= 599) found.status = count;
    else if (name === "drop-after" && count !== undefined) found.dropAfter = count;
    else if (name === "error-after" && count !== undefined) found.errorAfter = count;
    else if (name === "tokens" && count !== undefined) found.tokens = count;
    else if (name === "no-usage") found.noUsage = true;
    else if (name === "slow") found.slow = true;
  }
  return found;
}

export function stripDirectives(text: string): string {
  return text.replace(DIRECTIVE_PATTERN, "").replace(/[ \t]{2,}/g, " ").trim();
}
