// Message rules of the quirks normaliser: each request before and after.
import { describe, expect, it } from "vitest";
import { normaliseRequest } from "@/lib/providers/quirks/normalise-request";
import { standardQuirks, target } from "./quirks-helpers";

describe("system prompt for providers without a system role", () => {
  it("merges the system prompt into the first user message", () => {
    const before = {
      model: "gemma-3-27b-it",
      messages: [
        { role: "system", content: "Answer in French." },
        { role: "user", content: "Hello" },
        { role: "assistant", content: "Bonjour" },
        { role: "user", content: "Thanks" },
      ],
    };
    const after = normaliseRequest(before, target({ quirks: { ...standardQuirks, models: [{ match: "^gemma", systemRole: false }] }, upstreamModel: "gemma-3-27b-it" }));
    expect(after.params.messages).toEqual([
      { role: "user", content: "Answer in French.\n\nHello" },
      { role: "assistant", content: "Bonjour" },
      { role: "user", content: "Thanks" },
    ]);
  });

  it("leaves it alone where the system role is supported", () => {
    const messages = [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }];
    expect(normaliseRequest({ model: "m", messages }, target()).params.messages).toEqual(messages);
  });
});

describe("strictly alternating roles", () => {
  it("merges consecutive messages of one role, but not tool traffic", () => {
    const toolCall = { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "calc", arguments: "{}" } }] };
    const before = {
      model: "mistral-large-latest",
      messages: [
        { role: "user", content: "One" },
        { role: "user", content: "Two" },
        { role: "assistant", content: "A" },
        { role: "assistant", content: "B" },
        { role: "user", content: "Three" },
        toolCall,
        { role: "tool", tool_call_id: "c1", content: "4" },
      ],
    };
    const after = normaliseRequest(before, target({ quirks: { ...standardQuirks, alternatingRoles: true } }));
    expect(after.params.messages).toEqual([
      { role: "user", content: "One\n\nTwo" },
      { role: "assistant", content: "A\n\nB" },
      { role: "user", content: "Three" },
      toolCall,
      { role: "tool", tool_call_id: "c1", content: "4" },
    ]);
  });
});
