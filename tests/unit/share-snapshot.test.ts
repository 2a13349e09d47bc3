import { describe, expect, it } from "vitest";
import type { ConversationDto, MessageDto } from "@/lib/chat/api-types";
import { buildSnapshot } from "@/lib/share/build-snapshot";

const SECRET_PROMPT = "You are a pirate. Internal codeword: KRAKEN-7731";
const stats = (costPico: string, error: string | null = null) => ({
  status: error ? ("error" as const) : ("done" as const),
  finishReason: "stop",
  error,
  provider: "sandbox",
  modelId: "sandbox/swift-mini",
  promptTokens: 12,
  completionTokens: 34,
  reasoningTokens: 0,
  cachedTokens: 0,
  usageEstimated: false,
  costPico,
  ttftMs: 120,
  totalMs: 900,
});

function message(partial: Partial<MessageDto> & Pick<MessageDto, "id" | "role" | "turn">): MessageDto {
  return { columnId: null, content: "", reasoning: "", status: "done", stats: null, createdAt: "2026-03-10T12:00:00.000Z", ...partial };
}

const conversation: ConversationDto = {
  id: "conv_private_id_123",
  title: "Pirates vs robots",
  updatedAt: "2026-03-10T12:00:00.000Z",
  costPico: "5000",
  columns: [
    { id: "col_a_private", position: 0, modelId: "sandbox/swift-mini", temperature: 0.4, maxTokens: 256, systemPrompt: SECRET_PROMPT },
    { id: "col_b_private", position: 1, modelId: "sandbox/atlas-large", temperature: null, maxTokens: null, systemPrompt: null },
  ],
  messages: [
    message({ id: "msg_user_0", role: "user", turn: 0, content: "Say hi" }),
    message({ id: "msg_a_0", role: "assistant", turn: 0, columnId: "col_a_private", content: "Arr, hi", reasoning: "think", stats: stats("2000") }),
    message({ id: "msg_b_0", role: "assistant", turn: 0, columnId: "col_b_private", content: "Hello", stats: stats("3000") }),
    message({ id: "msg_user_1", role: "user", turn: 1, content: "Again" }),
    message({ id: "msg_b_1", role: "assistant", turn: 1, columnId: "col_b_private", status: "error", stats: stats("0", "401 Incorrect API key sk-live-abcdef") }),
  ],
};

const describeModel = (id: string) => ({ name: id === "sandbox/swift-mini" ? "Swift Mini" : "Atlas Large", providerLabel: "Sandbox", simulated: true });
const now = new Date("2026-03-10T13:00:00.000Z");
const build = (includeSystemPrompts: boolean, includeStats: boolean) => buildSnapshot(conversation, { includeSystemPrompts, includeStats }, describeModel, now);

describe("share snapshot", () => {
  it("keeps the comparison: columns in order with names, prompts, and each column's answer per turn", () => {
    const snapshot = build(true, true);
    expect(snapshot.columns.map((c) => [c.name, c.providerLabel, c.temperature, c.maxTokens])).toEqual([
      ["Swift Mini", "Sandbox", 0.4, 256],
      ["Atlas Large", "Sandbox", null, null],
    ]);
    expect(snapshot.turns.map((t) => t.prompt)).toEqual(["Say hi", "Again"]);
    expect(snapshot.turns[0].answers.map((a) => a?.content)).toEqual(["Arr, hi", "Hello"]);
    expect(snapshot.turns[0].answers[0]?.reasoning).toBe("think");
    expect(snapshot.turns[1].answers[0]).toBeNull();
    expect(snapshot.turns[1].answers[1]?.status).toBe("error");
    expect(snapshot.columns[0].systemPrompt).toBe(SECRET_PROMPT);
    expect(snapshot.totalCostPico).toBe("5000");
    expect(snapshot.turns[0].answers[1]?.stats?.costPico).toBe("3000");
  });

  it("leaves no trace of system prompts when they are hidden", () => {
    const json = JSON.stringify(build(false, true));
    expect(json).not.toContain("KRAKEN");
    expect(json).not.toContain("pirate");
    expect(json).not.toContain("systemPrompt");
  });

  it("leaves out every stat and total when stats are hidden", () => {
    const snapshot = build(true, false);
    const json = JSON.stringify(snapshot);
    expect(snapshot.totalCostPico).toBeUndefined();
    for (const key of ["stats", "costPico", "promptTokens", "completionTokens", "ttftMs", "totalMs", "totalCostPico"]) expect(json).not.toContain(key);
  });

  it("carries no ids, owner data or upstream error text", () => {
    const json = JSON.stringify(build(true, true));
    for (const secret of ["conv_private_id_123", "col_a_private", "col_b_private", "msg_", "userId", "sk-live", "Incorrect API key", "createdAt", "updatedAt"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("freezes an answer still streaming as stopped", () => {
    const streaming = { ...conversation, messages: [conversation.messages[0], { ...conversation.messages[1], status: "streaming" as const }] };
    const snapshot = buildSnapshot(streaming, { includeSystemPrompts: false, includeStats: true }, describeModel, now);
    expect(snapshot.turns[0].answers[0]?.status).toBe("stopped");
    expect(snapshot.turns[0].answers[0]?.stats?.status).toBe("stopped");
  });
});
