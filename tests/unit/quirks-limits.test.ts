// Limits in the quirks normaliser: max_tokens clamped, prompts that cannot fit refused
// before any upstream call, or trimmed in the middle when middle-out is asked for.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { normaliseRequest } from "@/lib/providers/quirks/normalise-request";
import { target } from "./quirks-helpers";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("max_tokens", () => {
  it("is clamped to the model's maximum output", () => {
    const after = normaliseRequest({ model: "m", max_tokens: 100_000, messages: [{ role: "user", content: "Hi" }] }, target({ maxOutputTokens: 8192 }));
    expect(after.params.max_tokens).toBe(8192);
  });

  it("is clamped to the room the prompt leaves in the context window", () => {
    const after = normaliseRequest({ model: "m", max_completion_tokens: 900, messages: [{ role: "user", content: words(300) }] }, target({ contextLength: 1000 }));
    const room = after.params.max_completion_tokens as number;
    expect(room).toBeLessThan(900);
    expect(room).toBeGreaterThan(300);
  });
});

describe("context window", () => {
  const long = { model: "m", messages: [{ role: "user", content: words(2000) }] };

  it("refuses a prompt that cannot fit with context_length_exceeded", () => {
    let error: unknown;
    try {
      normaliseRequest(long, target({ contextLength: 1000 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 400, code: "context_length_exceeded" });
    expect((error as Error).message).toMatch(/context window of 1000 tokens/);
  });

  it("with middle-out keeps the system prompt, the first user message and the latest turns", () => {
    const messages = [
      { role: "system", content: "You are terse." },
      { role: "user", content: "First question" },
      ...Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? "user" : "assistant", content: `${i} ${words(100)}` })),
      { role: "user", content: "Latest question" },
    ];
    const after = normaliseRequest({ model: "m", messages }, target({ contextLength: 1500 }), { middleOut: true });
    const kept = after.params.messages;
    expect(kept.slice(0, 2)).toEqual(messages.slice(0, 2));
    expect(kept.at(-1)).toEqual({ role: "user", content: "Latest question" });
    expect(after.trimmedMessages).toBe(messages.length - kept.length);
    expect(after.trimmedMessages).toBeGreaterThan(5);
    // What is kept after the head is a contiguous run of the latest messages.
    expect(kept.slice(2)).toEqual(messages.slice(messages.length - (kept.length - 2)));
  });

  it("never keeps a tool result whose call was trimmed", () => {
    const call = { role: "assistant", content: null, tool_calls: [{ id: "c", type: "function", function: { name: "calc", arguments: words(300) } }] };
    const messages = [{ role: "user", content: "Hi" }, call, { role: "tool", tool_call_id: "c", content: words(10) }, { role: "user", content: "Next" }];
    const after = normaliseRequest({ model: "m", messages }, target({ contextLength: 200 }), { middleOut: true });
    expect(after.params.messages).toEqual([{ role: "user", content: "Hi" }, { role: "user", content: "Next" }]);
  });

  it("leaves short prompts alone", () => {
    const after = normaliseRequest({ model: "m", messages: [{ role: "user", content: "Hi" }] }, target({ contextLength: 1000 }), { middleOut: true });
    expect(after).toMatchObject({ trimmedMessages: 0, params: { messages: [{ role: "user", content: "Hi" }] } });
  });
});
