// Tool calling in the sandbox: which tool, which arguments, and the OpenAI streaming shape.
import { describe, expect, it } from "vitest";
import { evaluateExpression, findExpression } from "../../lib/providers/sandbox/arithmetic";
import { handleSandboxRequest } from "../../lib/providers/sandbox/handler";

const tools = [
  { type: "function", function: { name: "calculator", parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] } } },
  { type: "function", function: { name: "get_current_time", parameters: { type: "object", properties: { timezone: { type: "string" } }, required: ["timezone"] } } },
  { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } },
];

async function complete(body: Record<string, unknown>): Promise<any> {
  const request = new Request("http://sandbox.local/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "nimbus-tools", tools, ...body }) });
  const response = await handleSandboxRequest(request, { speed: 1000 });
  if (!body.stream) return response.json();
  const text = await response.text();
  return text.split("\n\n").filter((b) => b && b !== "data: [DONE]").map((b) => JSON.parse(b.slice("data: ".length)));
}

const ask = (content: string) => [{ role: "user", content }];

describe("arithmetic", () => {
  it("finds and evaluates expressions in questions", () => {
    expect(findExpression("what is 12*7+3?")).toBe("12*7+3");
    expect(findExpression("compute (2 + 3) x 4 please")).toBe("(2+3)*4");
    expect(evaluateExpression("12*7+3")).toBe(87);
    expect(evaluateExpression("(2+3)*4")).toBe(20);
    expect(evaluateExpression("2^10/4")).toBe(256);
    expect(evaluateExpression("2+")).toBeUndefined();
  });
});

describe("tool calls", () => {
  it("picks the tool the question needs, with arguments fitted to its schema", async () => {
    const call = async (content: string) => (await complete({ messages: ask(content) })).choices[0].message.tool_calls?.[0]?.function;
    expect(await call("What is 12*7+3?")).toEqual({ name: "calculator", arguments: '{"expression":"12*7+3"}' });
    expect(await call("What time is it?")).toEqual({ name: "get_current_time", arguments: '{"timezone":"UTC"}' });
    expect(await call("How is the weather in Paris?")).toEqual({ name: "get_weather", arguments: '{"city":"Paris"}' });
    expect(await call("Tell me a joke")).toBeUndefined();
  });

  it("streams a call like OpenAI: id, type and name first, then argument pieces, then tool_calls", async () => {
    const chunks = await complete({ messages: ask("What is 12*7+3?"), stream: true });
    const deltas = chunks.map((c: any) => c.choices[0]);
    expect(deltas[0].delta).toMatchObject({ role: "assistant", content: null, tool_calls: [{ index: 0, type: "function", function: { name: "calculator", arguments: "" } }] });
    expect(deltas[0].delta.tool_calls[0].id).toMatch(/^call_/);
    const pieces = deltas.slice(1, -1).map((d: any) => d.delta.tool_calls[0]);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p: any) => p.id === undefined && p.index === 0)).toBe(true);
    expect(pieces.map((p: any) => p.function.arguments).join("")).toBe('{"expression":"12*7+3"}');
    expect(deltas.at(-1)).toMatchObject({ delta: {}, finish_reason: "tool_calls" });
  });

  it("is deterministic, honours tool_choice none, and ignores tools on models without tool support", async () => {
    const first = await complete({ messages: ask("What is 2+2?") });
    const second = await complete({ messages: ask("What is 2+2?") });
    expect(second.choices[0].message.tool_calls).toEqual(first.choices[0].message.tool_calls);
    expect((await complete({ messages: ask("What is 2+2?"), tool_choice: "none" })).choices[0].finish_reason).toBe("stop");
    const plain = await complete({ messages: ask("What is 2+2?"), model: "swift-mini" });
    expect(plain.choices[0].finish_reason).toBe("stop");
    expect(plain.choices[0].message.content).toContain("2+2 = 4");
  });

  it("answers in prose from the tool result", async () => {
    const messages = [
      ...ask("What time is it?"),
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_current_time", arguments: '{"timezone":"UTC"}' } }] },
      { role: "tool", tool_call_id: "call_1", content: '{"time":"14:05 UTC"}' },
    ];
    const body = await complete({ messages });
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.choices[0].message.content).toContain("14:05 UTC");
  });
});
