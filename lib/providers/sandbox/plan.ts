// Decides everything a completion will contain before any byte is sent: reasoning and
// content pieces (or a tool call), the finish reason after stop / max_tokens, and the usage.
// Streaming and non-streaming responses are both rendered from this one plan.
import { generateAnswer, lastUserText } from "./answer";
import { stripDirectives, type Directives } from "./directives";
import type { SandboxModel } from "./models";
import type { SandboxRequest } from "./request-schema";
import { countPromptTokens, countTokens, sumTokens, takeTokens, toTokenPieces, type TokenPiece } from "./tokens";
import { answerFromToolResults, chooseToolCall, type PlannedToolCall } from "./tools";
import { describeImages, imageUrlsOf } from "./vision";

export type FinishReason = "stop" | "length" | "tool_calls";

export interface CompletionPlan {
  reasoning: TokenPiece[];
  content: TokenPiece[];
  toolCall?: PlannedToolCall & { pieces: TokenPiece[] };
  finishReason: FinishReason;
  usage: WireUsage;
}

export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

export function planCompletion(model: SandboxModel, request: SandboxRequest, directives: Directives): CompletionPlan {
  const promptTokens = countPromptTokens(request.messages, request.tools);
  const prompt = stripDirectives(lastUserText(request.messages));
  const toolCall = model.supportsTools ? chooseToolCall(request, prompt) : undefined;
  if (toolCall) {
    const pieces = toTokenPieces(toolCall.arguments);
    // The function name and call framing are generated tokens too.
    const completion = sumTokens(pieces) + countTokens(toolCall.name) + 4;
    return { reasoning: [], content: [], toolCall: { ...toolCall, pieces }, finishReason: "tool_calls", usage: usageOf(promptTokens, completion, 0) };
  }

  const exact = directives.tokens;
  const toolAnswer = model.supportsTools ? answerFromToolResults(request.messages) : undefined;
  const answer = toolAnswer !== undefined ? { reasoning: "", content: toolAnswer } : generateAnswer(model, request.messages, request.seed, { minTokens: exact });
  let reasoning = toTokenPieces(answer.reasoning);
  // A vision model first says what it sees in the prompt's images.
  const lastUser = request.messages.findLast((m) => m.role === "user");
  const images = model.vision && lastUser ? imageUrlsOf(lastUser) : [];
  let content = toTokenPieces(images.length ? describeImages(images) + answer.content : answer.content);
  if (exact !== undefined) {
    // A quarter of an exact budget at most goes to reasoning, so content is never starved.
    reasoning = takeTokens(reasoning, Math.floor(exact / 4));
    content = takeTokens(padTo(content, exact - sumTokens(reasoning)), exact - sumTokens(reasoning));
  }

  let finishReason: FinishReason = "stop";
  const stops = request.stop == null ? [] : [request.stop].flat().filter((s) => s.length > 0);
  content = cutAtStop(content, stops);

  const limit = request.max_completion_tokens ?? request.max_tokens ?? model.maxOutputTokens;
  const keptReasoning = takeTokens(reasoning, limit);
  const keptContent = takeTokens(content, limit - sumTokens(keptReasoning));
  if (keptReasoning.length < reasoning.length || keptContent.length < content.length) finishReason = "length";

  const reasoningTokens = sumTokens(keptReasoning);
  return {
    reasoning: keptReasoning,
    content: keptContent,
    finishReason,
    usage: usageOf(promptTokens, reasoningTokens + sumTokens(keptContent), reasoningTokens),
  };
}

/** Usage in OpenAI's wire shape; completion tokens include reasoning tokens, as at OpenAI. */
export function usageOf(promptTokens: number, completionTokens: number, reasoningTokens: number): WireUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}

/** Tool-result answers are short; an exact token budget is met by repeating a neutral word. */
function padTo(pieces: TokenPiece[], tokens: number): TokenPiece[] {
  const padded = [...pieces];
  while (sumTokens(padded) < tokens) padded.push({ text: " ok", tokens: 1 });
  return padded;
}

/** Ends the content just before the first stop sequence, as OpenAI does (the stop text is not sent). */
function cutAtStop(pieces: TokenPiece[], stops: string[]): TokenPiece[] {
  if (stops.length === 0) return pieces;
  const text = pieces.map((p) => p.text).join("");
  const positions = stops.map((s) => text.indexOf(s)).filter((i) => i >= 0);
  if (positions.length === 0) return pieces;
  const cut = Math.min(...positions);
  const kept: TokenPiece[] = [];
  let offset = 0;
  for (const piece of pieces) {
    if (offset >= cut) break;
    const end = offset + piece.text.length;
    kept.push(end <= cut ? piece : { text: piece.text.slice(0, cut - offset), tokens: piece.tokens });
    offset = end;
  }
  return kept;
}
