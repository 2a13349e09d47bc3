import { describe, expect, it } from "vitest";
import { blindLabel, blindModelId, isBlindModelId, labelOfBlindModelId } from "@/lib/chat/blind-labels";
import { redactConversation, redactEvents } from "@/lib/blind/redact-blind";
import type { ConversationDto } from "@/lib/chat/api-types";
import type { ChatEvent, ColumnStats } from "@/lib/streaming/events";

const MODELS = ["sandbox/swift-mini", "openrouter/meta-llama/llama-3.3-70b-instruct"];

const stats = (modelId: string, extra: Partial<ColumnStats> = {}): ColumnStats => ({
  status: "done",
  finishReason: "stop",
  error: null,
  provider: modelId.split("/")[0],
  modelId,
  promptTokens: 12,
  completionTokens: 80,
  reasoningTokens: 0,
  cachedTokens: 0,
  usageEstimated: false,
  costPico: "123456",
  ttftMs: 150,
  totalMs: 900,
  ...extra,
});

describe("blind labels", () => {
  it("names columns by position and round-trips the placeholder id", () => {
    expect(blindLabel(0)).toBe("Model A");
    expect(blindModelId(2)).toBe("blind/model-c");
    expect(isBlindModelId("blind/model-c")).toBe(true);
    expect(isBlindModelId("sandbox/swift-mini")).toBe(false);
    expect(labelOfBlindModelId("blind/model-c")).toBe("Model C");
  });
});

describe("redacting a blind conversation", () => {
  const conversation: ConversationDto = {
    id: "c1",
    title: "What is 2+2?",
    updatedAt: "2026-12-01T00:00:00.000Z",
    costPico: "999",
    blind: { hidden: true },
    columns: MODELS.map((modelId, position) => ({ id: `col${position}`, position, modelId, temperature: null, maxTokens: null, systemPrompt: null })),
    messages: [
      { id: "u", columnId: null, turn: 0, role: "user", content: "What is 2+2?", reasoning: "", status: "done", stats: null, createdAt: "" },
      ...MODELS.map((modelId, i) => ({
        id: `a${i}`,
        columnId: `col${i}`,
        turn: 0,
        role: "assistant" as const,
        content: "4",
        reasoning: "",
        status: "done" as const,
        stats: stats(modelId, i === 1 ? { status: "error", error: "openrouter/meta-llama/llama-3.3-70b-instruct: rate limited by openrouter" } : {}),
        createdAt: "",
      })),
    ],
  };

  it("keeps the answers and hides models, providers, costs and timings", () => {
    const redacted = redactConversation(conversation, MODELS);
    const text = JSON.stringify(redacted);
    for (const word of ["swift", "sandbox", "llama", "openrouter", "123456", "999"]) expect(text).not.toContain(word);
    expect(redacted.columns.map((c) => c.modelId)).toEqual(["blind/model-a", "blind/model-b"]);
    expect(redacted.messages[1].stats).toMatchObject({ hidden: true, costPico: "0", ttftMs: null, provider: null, modelId: "blind/model-a" });
    expect(redacted.messages[2].stats?.error).toContain("rate limited");
    expect(redacted.messages[1].content).toBe("4");
  });

  it("drops provider and usage events and relabels the rest", () => {
    const seen: ChatEvent[] = [];
    const emit = redactEvents((e) => seen.push(e), new Map([["col0", 0], ["col1", 1]]), MODELS);
    emit({ type: "column-start", columnId: "col1", messageId: "m", modelId: MODELS[1] });
    emit({ type: "provider", columnId: "col1", provider: "openrouter" });
    emit({ type: "text", columnId: "col1", text: "4" });
    emit({ type: "column-end", columnId: "col1", messageId: "m", stats: stats(MODELS[1]) });
    expect(seen.map((e) => e.type)).toEqual(["column-start", "text", "column-end"]);
    expect(JSON.stringify(seen)).not.toMatch(/llama|openrouter|123456/);
    expect(seen[0]).toMatchObject({ modelId: "blind/model-b" });
  });
});
