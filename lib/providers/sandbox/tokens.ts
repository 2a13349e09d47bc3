// Real token boundaries (gpt-tokenizer) so streamed chunks, max_tokens cuts and reported
// usage all agree with each other, the way they do at a real provider.
import { decode, encode } from "gpt-tokenizer";
import { messageText, type SandboxMessage, type SandboxTool } from "./request-schema";
import { imagePromptTokens, imageUrlsOf } from "./vision";

/** One streamed piece of text and how many tokens it stands for (usually 1). */
export interface TokenPiece {
  text: string;
  tokens: number;
}

export function toTokenPieces(text: string): TokenPiece[] {
  const pieces: TokenPiece[] = [];
  let pending: number[] = [];
  for (const token of encode(text)) {
    pending.push(token);
    const piece = decode(pending);
    // A token can end inside a multi-byte character; wait for the rest of it.
    if (piece.endsWith("\uFFFD") && pending.length < 4) continue;
    pieces.push({ text: piece, tokens: pending.length });
    pending = [];
  }
  if (pending.length > 0) pieces.push({ text: decode(pending), tokens: pending.length });
  return pieces;
}

export function countTokens(text: string): number {
  return text.length === 0 ? 0 : encode(text).length;
}

/** The first pieces that fit in `budget` tokens. */
export function takeTokens(pieces: TokenPiece[], budget: number): TokenPiece[] {
  const kept: TokenPiece[] = [];
  let used = 0;
  for (const piece of pieces) {
    if (used + piece.tokens > budget) break;
    kept.push(piece);
    used += piece.tokens;
  }
  return kept;
}

export function sumTokens(pieces: readonly TokenPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.tokens, 0);
}

/** Prompt tokens the way OpenAI counts chat input: a few framing tokens per message. */
export function countPromptTokens(messages: readonly SandboxMessage[], tools?: readonly SandboxTool[] | null): number {
  let total = 3;
  for (const message of messages) {
    total += 3 + countTokens(message.role) + countTokens(messageText(message));
    if (message.name) total += 1 + countTokens(message.name);
    for (const url of imageUrlsOf(message)) total += imagePromptTokens(url);
    for (const call of message.tool_calls ?? []) total += 3 + countTokens(call.function.name) + countTokens(call.function.arguments);
  }
  if (tools && tools.length > 0) total += countTokens(JSON.stringify(tools));
  return total;
}
