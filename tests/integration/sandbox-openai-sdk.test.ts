// The real `openai` SDK against the sandbox: over HTTP (startSandboxServer) and in-process.
import OpenAI from "openai";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleSandboxRequest } from "../../lib/providers/sandbox/handler";
import { startSandboxServer, type SandboxServer } from "../../lib/providers/sandbox/server";

let server: SandboxServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, speed: 1000 });
  client = new OpenAI({ baseURL: server.url, apiKey: "x", maxRetries: 0 });
});

afterAll(async () => {
  await server?.close();
});

const user = (content: string): ChatCompletionMessageParam[] => [{ role: "user", content }];

describe("sandbox over HTTP with the openai SDK", () => {
  it("serves on a random port with a /v1 base URL", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
  });

  it("lists models", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(["swift-mini", "atlas-large", "sage-reasoner", "echo-free", "coder-pro", "nimbus-tools"]));
  });

  it("streams with include_usage: the text rebuilds the whole answer and usage arrives last", async () => {
    const stream = await client.chat.completions.create({
      model: "atlas-large",
      messages: user("Explain binary search"),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    const whole = await client.chat.completions.create({ model: "atlas-large", messages: user("Explain binary search") });
    expect(text).toBe(whole.choices[0].message.content);
    expect(finish).toBe("stop");
    expect(usage).toEqual(whole.usage);
    expect(usage!.completion_tokens).toBeGreaterThan(100);
  });

  it("answers non-streaming with a completion and usage", async () => {
    const completion = await client.chat.completions.create({ model: "swift-mini", messages: user("Name a colour"), max_tokens: 10 });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0].finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(10);
  });

  it.each([500, 429])("surfaces [[sandbox:status=%i]] as an APIError with that status", async (status) => {
    const call = client.chat.completions.create({ model: "swift-mini", messages: user(`Hi [[sandbox:status=${status}]]`), stream: true });
    const error = await call.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
  });

  it("makes the SDK stream throw when the connection drops mid-stream", async () => {
    const stream = await client.chat.completions.create({ model: "swift-mini", messages: user("Tell me a story [[sandbox:drop-after=5]]"), stream: true });
    let text = "";
    const consume = async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    };
    await expect(consume()).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
  });

  it("makes the SDK stream throw on an OpenRouter-style mid-stream error chunk", async () => {
    const stream = await client.chat.completions.create({ model: "swift-mini", messages: user("Story [[sandbox:error-after=2]]"), stream: true });
    const consume = async () => {
      for await (const _chunk of stream) void _chunk;
    };
    await expect(consume()).rejects.toThrow(/mid-stream/);
  });

  it("round-trips a tool call: streamed call, tool result, prose answer", async () => {
    const tools: ChatCompletionTool[] = [
      { type: "function", function: { name: "calculator", description: "Evaluates arithmetic", parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] } } },
      { type: "function", function: { name: "get_time", parameters: { type: "object", properties: { timezone: { type: "string" } } } } },
    ];
    const messages = user("What is 12*7+3?");
    const stream = await client.chat.completions.create({ model: "nimbus-tools", messages, tools, stream: true });
    let id = "";
    let name = "";
    let args = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta?.tool_calls?.[0];
      id ||= call?.id ?? "";
      name ||= call?.function?.name ?? "";
      args += call?.function?.arguments ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(finish).toBe("tool_calls");
    expect(name).toBe("calculator");
    expect(JSON.parse(args)).toEqual({ expression: "12*7+3" });

    const answer = await client.chat.completions.create({
      model: "nimbus-tools",
      tools,
      messages: [
        ...messages,
        { role: "assistant", content: null, tool_calls: [{ id, type: "function", function: { name, arguments: args } }] },
        { role: "tool", tool_call_id: id, content: "87" },
      ],
    });
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect(answer.choices[0].message.content).toContain("87");
  });

  it("forces a tool with tool_choice", async () => {
    const completion = await client.chat.completions.create({
      model: "coder-pro",
      messages: user("Hello there"),
      tools: [{ type: "function", function: { name: "lookup_user", parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } }],
      tool_choice: { type: "function", function: { name: "lookup_user" } },
    });
    const call = completion.choices[0].message.tool_calls?.[0];
    expect(completion.choices[0].finish_reason).toBe("tool_calls");
    expect(call?.type === "function" && call.function.name).toBe("lookup_user");
  });
});

describe("sandbox in-process as the SDK's fetch", () => {
  const inProcess = new OpenAI({
    baseURL: "http://sandbox.local/v1",
    apiKey: "x",
    maxRetries: 0,
    fetch: (url: RequestInfo | URL, init?: RequestInit) => handleSandboxRequest(new Request(url, init), { speed: 1000 }),
  });

  it("streams the same answer as the HTTP server", async () => {
    const stream = await inProcess.chat.completions.create({
      model: "sage-reasoner",
      messages: user("Why is the sky blue?"),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let reasoning = "";
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string; reasoning?: string } | undefined;
      text += delta?.content ?? "";
      reasoning += delta?.reasoning ?? "";
      usage = chunk.usage ?? usage;
    }
    const overHttp = await client.chat.completions.create({ model: "sage-reasoner", messages: user("Why is the sky blue?") });
    expect(text).toBe(overHttp.choices[0].message.content);
    expect(reasoning.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it("surfaces errors as APIError in-process too", async () => {
    const error = await inProcess.chat.completions.create({ model: "swift-mini", messages: user("x [[sandbox:status=401]]") }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
