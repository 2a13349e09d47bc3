// A non-streaming chat completion: the same engine and the same upstream stream, collected
// into one `chat.completion` object (OpenAI's shape plus OpenRouter's `provider` and
// `usage.cost`). The answer's text, reasoning, tool calls and usage come from the call's
// outcome; the chunks give the upstream's metadata and log probabilities.
import type { CallOutcome } from "../calls/call-outcome";
import type { CallSink } from "../calls/run-call";
import type { ChunkView } from "../providers/chunk-reader";
import { openAiUsage } from "./openai-usage";

export class CollectSink implements CallSink {
  private created: number | null = null;
  private systemFingerprint: unknown;
  private logprobs: unknown[] | null = null;

  opened(): void {
    // A fallback starts a fresh answer.
    this.logprobs = null;
  }

  chunk(view: ChunkView): void {
    const { chunk } = view;
    if (this.created === null && typeof chunk.created === "number") this.created = chunk.created;
    if (chunk.system_fingerprint !== undefined) this.systemFingerprint = chunk.system_fingerprint;
    const content = (chunk.choices?.[0]?.logprobs as { content?: unknown[] } | null | undefined)?.content;
    if (Array.isArray(content)) (this.logprobs ??= []).push(...content);
  }

  completion(outcome: CallOutcome, requestedModel: string): Record<string, unknown> {
    const message: Record<string, unknown> = { role: "assistant", content: outcome.text || (outcome.toolCalls.length ? null : ""), refusal: null };
    if (outcome.reasoning) message.reasoning = outcome.reasoning;
    if (outcome.toolCalls.length) {
      message.tool_calls = outcome.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }));
    }
    return {
      id: outcome.generationId,
      object: "chat.completion",
      created: this.created ?? Math.floor(outcome.started / 1000),
      model: requestedModel,
      provider: outcome.served.provider.label,
      // Always present (null when the provider sent none): OpenRouter's schema requires it.
      system_fingerprint: this.systemFingerprint ?? null,
      choices: [{ index: 0, message, logprobs: this.logprobs ? { content: this.logprobs } : null, finish_reason: outcome.finishReason ?? "stop" }],
      usage: openAiUsage(outcome.usage, outcome.costPico),
    };
  }
}
