// Tries candidates in order until one starts answering. Once the first token is out, an
// upstream failure ends the stream instead: what was sent cannot be unsent.
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { AppError } from "../errors";
import { streamChat } from "../providers/stream-chat";
import { UpstreamError, toUpstreamError } from "../providers/upstream-error";
import type { UpstreamEvent } from "../streaming/events";
import { recordFailure, recordSuccess } from "./health";
import type { Candidate } from "./resolve-model";

export interface Attempt {
  provider: string;
  upstreamModel: string;
  status: "ok" | "error";
  error?: string;
  httpStatus?: number | null;
  ms: number;
}

export interface RoutedCall {
  candidates: Candidate[];
  messages: ChatCompletionMessageParam[];
  temperature?: number | null;
  maxTokens?: number | null;
  extra?: Record<string, unknown>;
  signal: AbortSignal;
  /** Filled in as attempts are made, so the caller can record every one. */
  attempts: Attempt[];
  /** Set to the candidate that served (or last failed). */
  onCandidate?: (candidate: Candidate) => void;
}

/** Hands the serving candidate's events to `emit`; resolves when its answer is complete. */
export async function streamWithFallback(call: RoutedCall, emit: (event: UpstreamEvent) => void): Promise<void> {
  let lastError: UpstreamError | null = null;
  for (const candidate of call.candidates) {
    call.onCandidate?.(candidate);
    const started = Date.now();
    let sentContent = false;
    let firstAt: number | null = null;
    let completionTokens = 0;
    try {
      await streamChat({
        provider: candidate.provider,
        upstreamModel: candidate.upstreamModel,
        messages: call.messages,
        temperature: call.temperature,
        maxTokens: call.maxTokens,
        extra: call.extra,
        contextLength: candidate.contextLength,
        maxOutputTokens: candidate.maxOutputTokens,
        supportedParameters: candidate.supportedParameters,
        signal: call.signal,
      }, (event) => {
        if (event.type === "text" || event.type === "reasoning" || event.type === "tool-call") {
          sentContent = true;
          firstAt ??= Date.now();
        } else if (event.type === "usage") completionTokens = event.usage.completionTokens;
        emit(event);
      });
      recordSuccess(candidate.provider.id, candidate.upstreamModel, {
        ttftMs: firstAt === null ? null : firstAt - started,
        completionTokens,
        streamMs: firstAt === null ? 0 : Date.now() - firstAt,
      });
      call.attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "ok", ms: Date.now() - started });
      return;
    } catch (error) {
      // The request itself cannot be served as asked (e.g. too long): no point trying elsewhere.
      if (error instanceof AppError) throw error;
      const failure = toUpstreamError(error, candidate.provider.label);
      call.attempts.push({
        provider: candidate.provider.id,
        upstreamModel: candidate.upstreamModel,
        status: "error",
        error: failure.message,
        httpStatus: failure.status,
        ms: Date.now() - started,
      });
      if (failure.kind !== "aborted") recordFailure(candidate.provider.id, candidate.upstreamModel, failure.message);
      if (sentContent || !failure.retryable) throw failure;
      lastError = failure;
    }
  }
  throw lastError ?? new UpstreamError("No provider is available for this model", 503, "http");
}
