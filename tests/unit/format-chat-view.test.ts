// How the chatroom lays out a conversation: the server's copy merged with live answers.
import { describe, expect, it } from "vitest";
import type { ConversationDto, MessageDto } from "@/lib/chat/api-types";
import { answerKey, buildChatView, coveredSessions } from "@/lib/chat/client/chat-view";
import type { LiveAnswer, LiveSession } from "@/lib/chat/client/live-types";

function saved(id: string, columnId: string | null, turn: number, status: MessageDto["status"] = "done"): MessageDto {
  return { id, columnId, turn, role: columnId ? "assistant" : "user", content: columnId ? `answer ${id}` : `prompt ${turn}`, reasoning: "", status, stats: null, createdAt: "" };
}

function live(messageId: string, columnId: string, modelId: string, turn: number, status: LiveAnswer["status"] = "streaming"): LiveAnswer {
  return { columnId, messageId, modelId, turn, text: "live", reasoning: "", toolTrace: [], provider: null, usage: null, stats: null, status, error: null, startedAt: 0, firstTokenAt: null, endedAt: null };
}

function session(partial: Partial<LiveSession> & { answers: LiveSession["answers"] }): LiveSession {
  return { key: "k", kind: "turn", conversationId: "c1", turn: 0, prompt: "hello", requestColumns: [], status: "streaming", error: null, ...partial };
}

const conversation: ConversationDto = {
  id: "c1",
  title: "t",
  updatedAt: "",
  costPico: "0",
  columns: [
    { id: "colA", position: 0, modelId: "sandbox/a", temperature: null, maxTokens: null, systemPrompt: null },
    { id: "colB", position: 1, modelId: "sandbox/b", temperature: null, maxTokens: null, systemPrompt: null },
  ],
  messages: [saved("u0", null, 0), saved("a0", "colA", 0), saved("b0", "colB", 0, "streaming")],
};

describe("buildChatView", () => {
  it("shows the picked models as empty columns before anything is sent", () => {
    const view = buildChatView(undefined, [], [{ modelId: "sandbox/a" }, { modelId: "sandbox/b" }]);
    expect(view.columns.map((c) => c.settings.modelId)).toEqual(["sandbox/a", "sandbox/b"]);
    expect(view.turns).toEqual([]);
  });

  it("places live answers of a brand-new comparison by model before the server names the columns", () => {
    const s = session({ requestColumns: [{ modelId: "sandbox/a" }, { modelId: "sandbox/a" }], answers: { x: live("m1", "x", "sandbox/a", 0), y: live("m2", "y", "sandbox/a", 0) } });
    const view = buildChatView(undefined, [s], null);
    expect(view.turns).toMatchObject([{ turn: 0, prompt: "hello", id: null }]);
    expect((view.answers.get(answerKey("pending-0", 0)) as LiveAnswer).messageId).toBe("m1");
    expect((view.answers.get(answerKey("pending-1", 0)) as LiveAnswer).messageId).toBe("m2");
  });

  it("prefers the live answer while the saved one still says streaming, and the saved one once final", () => {
    const streaming = buildChatView(conversation, [session({ answers: { colB: live("b0", "colB", "sandbox/b", 0) } })], null);
    expect((streaming.answers.get(answerKey("colB", 0)) as LiveAnswer).text).toBe("live");
    const finished = { ...conversation, messages: [...conversation.messages.slice(0, 2), saved("b0", "colB", 0, "stopped")] };
    const view = buildChatView(finished, [session({ status: "finished", answers: { colB: live("b0", "colB", "sandbox/b", 0, "stopped") } })], null);
    expect((view.answers.get(answerKey("colB", 0)) as MessageDto).content).toBe("answer b0");
  });

  it("shows a regeneration (a new message id) over the old saved answer", () => {
    const regen = session({ kind: "regenerate", prompt: null, answers: { colA: live("a0-new", "colA", "sandbox/a", 0) } });
    const view = buildChatView(conversation, [regen], null);
    expect((view.answers.get(answerKey("colA", 0)) as LiveAnswer).messageId).toBe("a0-new");
  });

  it("applies edited settings over the saved ones, by position", () => {
    const view = buildChatView(conversation, [], [{ modelId: "sandbox/a", temperature: 0.3 }, { modelId: "sandbox/b" }]);
    expect(view.columns[0].settings.temperature).toBe(0.3);
  });
});

describe("coveredSessions", () => {
  it("drops a finished session only once every answer is final on the server", () => {
    const s = session({ status: "finished", answers: { colA: live("a0", "colA", "sandbox/a", 0, "done"), colB: live("b0", "colB", "sandbox/b", 0, "done") } });
    expect(coveredSessions(conversation, [s])).toEqual([]);
    const final = { ...conversation, messages: [...conversation.messages.slice(0, 2), saved("b0", "colB", 0)] };
    expect(coveredSessions(final, [s])).toEqual(["k"]);
  });
});
