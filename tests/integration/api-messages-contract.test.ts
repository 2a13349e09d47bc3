// Contract tests: the official `@anthropic-ai/sdk` client against POST /api/v1/messages and
// /messages/count_tokens, on the real server, with the sandbox and a fake OpenAI-compatible
// provider that records what it was sent (Anthropic-format conversations, tool calls
// included, served by models behind chat completions). The answers are the ledger's rows.
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiApp, type ApiApp } from "../helpers/api-app";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";
import { MAX_BODY_BYTES } from "@/lib/http/body-limit";

let app: ApiApp;
let capture: FakeUpstream;
let key: string;
let client: Anthropic;

const CAPTURE = "capture/capture-model";
const CALCULATOR: Anthropic.Tool = {
  name: "calculator",
  description: "Exact arithmetic",
  input_schema: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] },
};

beforeAll(async () => {
  capture = await startFakeUpstream({ text: "captured", deltas: 3, toolArguments: '{"city":"Paris"}' });
  app = await startApiApp({ CUSTOM_PROVIDER_CAPTURE_BASE_URL: capture.url, CUSTOM_PROVIDER_CAPTURE_MODELS: "capture-model" });
  key = await app.createKey();
  // Anthropic's clients add /v1/messages to the base URL.
  client = new Anthropic({ baseURL: `${app.url}/api`, apiKey: key, maxRetries: 0 });
});

afterAll(async () => {
  await capture?.close();
});

const generation = (id: string) => app.generation(id);
const lastSent = () => capture.requests.at(-1)!.body as { messages: unknown[] } & Record<string, unknown>;

describe("messages.create", () => {
  it("answers with a Message whose usage and cost are the ledger's", async () => {
    const message = await client.messages.create({ model: "sandbox/swift-mini", max_tokens: 100, system: "Be brief.", messages: [{ role: "user", content: "Say hello [[sandbox:tokens=7]]" }] });
    expect(message).toMatchObject({ type: "message", role: "assistant", model: "sandbox/swift-mini", stop_reason: "end_turn", stop_sequence: null });
    expect(message.content).toEqual([{ type: "text", text: expect.any(String), citations: null }]);
    const row = await generation(message.id);
    expect(row).toMatchObject({ source: "api", status: "done", completionTokens: 7 });
    expect(message.usage).toMatchObject({ input_tokens: row.promptTokens, output_tokens: 7, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    expect((message.usage as unknown as { cost: number }).cost).toBe(Number(row.costPico) / 1e12);
  });

  it("streams Anthropic's event sequence: thinking and text blocks, message_delta with the ledger's usage", async () => {
    const stream = client.messages.stream({ model: "sandbox/sage-reasoner", max_tokens: 400, thinking: { type: "enabled", budget_tokens: 1024 }, messages: [{ role: "user", content: "Why is the sky blue? [[sandbox:tokens=30]]" }] });
    const events: Anthropic.MessageStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const final = await stream.finalMessage();
    const shape = events.map((e) => (e.type === "content_block_delta" ? `delta:${e.delta.type}` : e.type === "content_block_start" ? `start:${e.content_block.type}` : e.type));
    expect([...new Set(shape)]).toEqual(["message_start", "start:thinking", "delta:thinking_delta", "content_block_stop", "start:text", "delta:text_delta", "message_delta", "message_stop"]);
    expect(final.content.map((block) => block.type)).toEqual(["thinking", "text"]);
    const row = await generation(final.id);
    expect(final.usage).toMatchObject({ input_tokens: row.promptTokens, output_tokens: 30 });
    expect(final.usage.output_tokens_details).toEqual({ thinking_tokens: row.reasoningTokens });
  });

  it("sends ping events on the wire, and takes the key as a Bearer token too", async () => {
    const response = await fetch(`${app.url}/api/v1/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "sandbox/swift-mini", max_tokens: 50, stream: true, messages: [{ role: "user", content: "Hi [[sandbox:tokens=3]]" }] }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.match(/^event: (\S+)$/gm)!.slice(0, 3)).toEqual(["event: message_start", "event: ping", "event: content_block_start"]);
    const bearer = new Anthropic({ baseURL: `${app.url}/api`, authToken: key, apiKey: null, maxRetries: 0 });
    expect((await bearer.messages.create({ model: "sandbox/swift-mini", max_tokens: 20, messages: [{ role: "user", content: "Hi [[sandbox:tokens=2]]" }] })).usage.output_tokens).toBe(2);
  });
});

describe("tool use", () => {
  it("round-trips a tool call with the sandbox's tool-calling model, streamed then whole", async () => {
    const question: Anthropic.MessageParam = { role: "user", content: "What is 12*7+3?" };
    const stream = client.messages.stream({ model: "sandbox/nimbus-tools", max_tokens: 300, tools: [CALCULATOR], messages: [question] });
    const first = await stream.finalMessage();
    expect(first.stop_reason).toBe("tool_use");
    const use = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === "tool_use")!;
    expect(use).toMatchObject({ name: "calculator", input: { expression: "12*7+3" } });
    const answer = await client.messages.create({
      model: "sandbox/nimbus-tools",
      max_tokens: 300,
      tools: [CALCULATOR],
      messages: [question, { role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: use.id, content: "87" }] }],
    });
    expect(answer.stop_reason).toBe("end_turn");
    expect((answer.content[0] as Anthropic.TextBlock).text).toContain("87");
  });

  it("an Anthropic tool conversation reaches a model behind chat completions as tool_calls and tool messages", async () => {
    const tools: Anthropic.Tool[] = [{ name: "get_weather", description: "Weather now", input_schema: { type: "object", properties: { city: { type: "string" } } } }];
    const first = await client.messages.create({ model: CAPTURE, max_tokens: 100, tools, tool_choice: { type: "any", disable_parallel_tool_use: true }, messages: [{ role: "user", content: "Weather in Paris?" }] });
    expect(first.content).toEqual([{ type: "tool_use", id: "call_fake_1", name: "get_weather", input: { city: "Paris" } }]);
    expect(first.stop_reason).toBe("tool_use");
    expect(lastSent()).toMatchObject({
      tools: [{ type: "function", function: { name: "get_weather", description: "Weather now", parameters: { type: "object", properties: { city: { type: "string" } } } } }],
      tool_choice: "required",
      parallel_tool_calls: false,
      max_tokens: 100,
    });
    await client.messages.create({
      model: CAPTURE,
      max_tokens: 100,
      tools,
      stop_sequences: ["END"],
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: [{ type: "text", text: "Let me look." }, ...first.content] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "call_fake_1", content: [{ type: "text", text: "Sunny, 21°C" }, { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } }] },
            { type: "text", text: "Thanks!" },
          ],
        },
      ],
    });
    expect(lastSent().stop).toEqual(["END"]);
    expect(lastSent().messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: "Let me look.", tool_calls: [{ id: "call_fake_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_fake_1", content: "Sunny, 21°C" },
      { role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }, { type: "text", text: "Thanks!" }] },
    ]);
  });

  it("streams a tool call from a model behind chat completions as a tool_use block with input_json_delta", async () => {
    const stream = client.messages.stream({ model: CAPTURE, max_tokens: 100, tools: [{ name: "get_weather", input_schema: { type: "object" } }], messages: [{ role: "user", content: "Weather?" }] });
    const pieces: string[] = [];
    stream.on("inputJson", (partial) => pieces.push(partial));
    const final = await stream.finalMessage();
    expect(pieces.join("")).toBe('{"city":"Paris"}');
    expect(final.content).toEqual([{ type: "tool_use", id: "call_fake_1", name: "get_weather", input: { city: "Paris" } }]);
  });
});

describe("count_tokens", () => {
  it("counts what admission counts: the prompt Switchyard would estimate for the same request", async () => {
    const request = { model: "sandbox/nimbus-tools", system: "You are terse.", tools: [CALCULATOR], messages: [{ role: "user" as const, content: "What is the capital of France? [[sandbox:no-usage]]" }] };
    const counted = await client.messages.countTokens(request);
    const message = await client.messages.create({ ...request, max_tokens: 50 });
    const row = await generation(message.id);
    expect(row.usageEstimated).toBe(true);
    expect(counted.input_tokens).toBe(row.promptTokens);
    const withoutTools = await client.messages.countTokens({ model: request.model, system: request.system, messages: request.messages });
    expect(withoutTools.input_tokens).toBeLessThan(counted.input_tokens);
  });
});

describe("errors in Anthropic's shape", () => {
  const raw = (body: string, headers: Record<string, string> = { "x-api-key": key }) =>
    fetch(`${app.url}/api/v1/messages`, { method: "POST", headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers }, body });

  it("401 authentication_error without a valid key", async () => {
    const anonymous = new Anthropic({ baseURL: `${app.url}/api`, apiKey: "sk-sy-v1-nope", maxRetries: 0 });
    const error = await anonymous.messages.create({ model: "sandbox/swift-mini", max_tokens: 5, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(error.error).toEqual({ type: "error", error: { type: "authentication_error", message: expect.any(String) }, request_id: null });
  });

  it("400 invalid_request_error for a missing max_tokens or a server tool, 404 not_found_error for an unknown model", async () => {
    const noMax = await raw(JSON.stringify({ model: "sandbox/swift-mini", messages: [{ role: "user", content: "x" }] }));
    expect(noMax.status).toBe(400);
    expect(await noMax.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error", message: "max_tokens: Field required" } });
    const serverTool = await client.messages.create({ model: "sandbox/swift-mini", max_tokens: 5, tools: [{ type: "web_search_20250305", name: "web_search" }], messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(serverTool).toBeInstanceOf(Anthropic.BadRequestError);
    const unknown = await client.messages.create({ model: "nobody/nothing", max_tokens: 5, messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    expect(unknown.error.error.type).toBe("not_found_error");
  });

  it("429 rate_limit_error with retry-after, 413 request_too_large", async () => {
    const limited = new Anthropic({ baseURL: `${app.url}/api`, apiKey: await app.createKey({ rpm: 1 }), maxRetries: 0 });
    const ask = () => limited.messages.create({ model: "sandbox/swift-mini", max_tokens: 5, messages: [{ role: "user", content: "x [[sandbox:tokens=1]]" }] });
    await ask();
    const error = await ask().catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.error.error.type).toBe("rate_limit_error");
    expect(error.headers.get("retry-after")).toMatch(/^\d+$/);
    const tooLarge = await raw(JSON.stringify({ model: "sandbox/swift-mini", max_tokens: 5, messages: [{ role: "user", content: "x".repeat(MAX_BODY_BYTES) }] }));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.type).toBe("request_too_large");
  });

  it("a failure after the first token is an error event the SDK raises, and the ledger says error", async () => {
    const stream = client.messages.stream({ model: "sandbox/swift-mini", max_tokens: 100, messages: [{ role: "user", content: "Hi [[sandbox:error-after=3]] [[sandbox:tokens=20]]" }] });
    let id = "";
    stream.on("message", () => {});
    const error = await (async () => {
      for await (const event of stream) if (event.type === "message_start") id = event.message.id;
    })().catch((e) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((await generation(id)).status).toBe("error");
  });
});
