// Contract tests: the official `openai` client's Responses API against POST /api/v1/responses,
// on the real server, with the sandbox and a fake OpenAI-compatible provider that records what
// it was sent. One engine: the answers are the ledger's rows.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiApp, type ApiApp } from "../helpers/api-app";
import { signInAs } from "../helpers/auth";
import { startFakeUpstream, type FakeUpstream } from "../helpers/fake-upstream";

let app: ApiApp;
let capture: FakeUpstream;
let client: OpenAI;
let stranger: OpenAI;

const CAPTURE = "capture/capture-model";
const CALCULATOR: OpenAI.Responses.FunctionTool = {
  type: "function",
  name: "calculator",
  description: "Exact arithmetic",
  parameters: { type: "object", properties: { expression: { type: "string" } }, required: ["expression"] },
  strict: false,
};

beforeAll(async () => {
  capture = await startFakeUpstream({ text: "captured", deltas: 3, toolArguments: '{"city":"Paris"}' });
  app = await startApiApp({ CUSTOM_PROVIDER_CAPTURE_BASE_URL: capture.url, CUSTOM_PROVIDER_CAPTURE_MODELS: "capture-model" });
  const clientWith = (apiKey: string) => new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey, maxRetries: 0 });
  client = clientWith(await app.createKey());
  stranger = clientWith(await app.createKey({}, (await signInAs({ role: "member" })).id));
});

afterAll(async () => {
  await capture?.close();
});

const generation = (id: string) => app.generation(id);
const lastSent = () => capture.requests.at(-1)!.body as { messages: unknown[] } & Record<string, unknown>;

describe("responses.create", () => {
  it("answers with output text, and usage and cost as the ledger records them", async () => {
    const response = await client.responses.create({ model: "sandbox/swift-mini", instructions: "Be brief.", input: "Say hello [[sandbox:tokens=7]]" });
    expect(response).toMatchObject({ object: "response", status: "completed", model: "sandbox/swift-mini", instructions: "Be brief.", store: true });
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: "message", role: "assistant", status: "completed" });
    expect(response.output_text.length).toBeGreaterThan(0);
    const row = await generation(response.id);
    expect(row).toMatchObject({ source: "api", status: "done", completionTokens: 7, usageEstimated: false });
    expect(response.usage).toMatchObject({ input_tokens: row.promptTokens, output_tokens: 7, total_tokens: row.promptTokens + 7, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } });
    expect((response.usage as unknown as { cost: number }).cost).toBe(Number(row.costPico) / 1e12);
  });

  it("streams the documented event sequence, every event numbered, and the SDK's accumulator agrees", async () => {
    const stream = client.responses.stream({ model: "sandbox/sage-reasoner", input: "Why is the sky blue? [[sandbox:tokens=30]]" });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const types = [...new Set(events.map((e) => e.type))];
    expect(types).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.reasoning_text.delta",
      "response.reasoning_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.output_text.delta",
      "response.output_text.done",
      "response.completed",
    ]);
    const text = events.flatMap((e) => (e.type === "response.output_text.delta" ? [e.delta] : [])).join("");
    expect(final.output_text).toBe(text);
    expect(final.output.map((item) => item.type)).toEqual(["reasoning", "message"]);
    const row = await generation(final.id);
    expect(row.reasoningTokens).toBeGreaterThan(0);
    expect(final.usage).toMatchObject({ input_tokens: row.promptTokens, output_tokens: 30, output_tokens_details: { reasoning_tokens: row.reasoningTokens } });
  });

  it("round-trips a function tool: the call, then its output continued with previous_response_id", async () => {
    const first = await client.responses.create({ model: "sandbox/nimbus-tools", input: "What is 12*7+3?", tools: [CALCULATOR] });
    const call = first.output.find((item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === "function_call")!;
    expect(call).toMatchObject({ name: "calculator", status: "completed" });
    expect(JSON.parse(call.arguments)).toEqual({ expression: "12*7+3" });
    const second = await client.responses.create({
      model: "sandbox/nimbus-tools",
      previous_response_id: first.id,
      input: [{ type: "function_call_output", call_id: call.call_id, output: "87" }],
      tools: [CALCULATOR],
    });
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output_text).toContain("87");
  });

  it("round-trips a streamed function call, sending the items back without storing anything", async () => {
    const stream = client.responses.stream({ model: "sandbox/nimbus-tools", input: "What is 2+2?", tools: [CALCULATOR], store: false });
    const argumentDeltas: string[] = [];
    stream.on("response.function_call_arguments.delta", (event) => argumentDeltas.push(event.delta));
    const first = await stream.finalResponse();
    const call = first.output.find((item) => item.type === "function_call") as OpenAI.Responses.ResponseFunctionToolCall;
    expect(argumentDeltas.join("")).toBe(call.arguments);
    const second = await client.responses.create({
      model: "sandbox/nimbus-tools",
      input: [{ role: "user", content: "What is 2+2?" }, call, { type: "function_call_output", call_id: call.call_id, output: '{"result": 4}' }],
      tools: [CALCULATOR],
    });
    expect(second.output_text).toContain("4");
    const notKept = await client.responses.retrieve(first.id).catch((e) => e);
    expect(notKept.status).toBe(404);
  });
});

describe("previous_response_id and stored responses", () => {
  it("sends the stored conversation upstream, with this request's instructions only", async () => {
    const first = await client.responses.create({ model: CAPTURE, instructions: "Old instructions", input: "My name is Ada." });
    await client.responses.create({ model: CAPTURE, instructions: "New instructions", previous_response_id: first.id, input: "What is my name?" });
    expect(lastSent().messages).toEqual([
      { role: "system", content: "New instructions" },
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: "captured captured captured" },
      { role: "user", content: "What is my name?" },
    ]);
  });

  it("continues a function call made by a model behind chat completions (a fake upstream)", async () => {
    const first = await client.responses.create({ model: CAPTURE, input: "Weather in Paris?", tools: [{ type: "function", name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } }, strict: false }] });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    expect(call).toMatchObject({ type: "function_call", name: "get_weather", call_id: "call_fake_1", arguments: '{"city":"Paris"}' });
    await client.responses.create({ model: CAPTURE, previous_response_id: first.id, input: [{ type: "function_call_output", call_id: call.call_id, output: "Sunny, 21°C" }] });
    expect(lastSent().messages.slice(1)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "call_fake_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_fake_1", content: "Sunny, 21°C" },
    ]);
  });

  it("is scoped to the key's owner, can be retrieved and deleted, and is not kept with store: false", async () => {
    const kept = await client.responses.create({ model: "sandbox/swift-mini", input: "Remember me [[sandbox:tokens=3]]" });
    expect((await client.responses.retrieve(kept.id)).output_text).toBe(kept.output_text);
    const foreign = await stranger.responses.create({ model: "sandbox/swift-mini", previous_response_id: kept.id, input: "and me?" }).catch((e) => e);
    expect(foreign.status).toBe(404);
    expect(foreign.error).toMatchObject({ type: "not_found_error", param: "previous_response_id" });
    expect((await stranger.responses.retrieve(kept.id).catch((e) => e)).status).toBe(404);
    await client.responses.delete(kept.id);
    expect((await client.responses.retrieve(kept.id).catch((e) => e)).status).toBe(404);
    const unstored = await client.responses.create({ model: "sandbox/swift-mini", input: "Forget me [[sandbox:tokens=3]]", store: false });
    expect(unstored).toMatchObject({ store: false });
    expect((await client.responses.create({ model: "sandbox/swift-mini", previous_response_id: unstored.id, input: "x" }).catch((e) => e)).status).toBe(404);
  });
});

describe("request mapping onto chat completions", () => {
  it("maps text.format, max_output_tokens, tools, tool_choice and content parts", async () => {
    await client.responses.create({
      model: CAPTURE,
      input: [{ role: "user", content: [{ type: "input_text", text: "Describe" }, { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" }] }],
      text: { format: { type: "json_schema", name: "answer", schema: { type: "object", properties: { a: { type: "string" } } }, strict: true } },
      max_output_tokens: 321,
      temperature: 0.5,
      tools: [{ type: "function", name: "lookup", parameters: { type: "object", properties: {} }, strict: null }],
      tool_choice: { type: "function", name: "lookup" },
      parallel_tool_calls: false,
    });
    expect(lastSent()).toMatchObject({
      messages: [{ role: "user", content: [{ type: "text", text: "Describe" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } }] }],
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object", properties: { a: { type: "string" } } }, strict: true } },
      max_tokens: 321,
      temperature: 0.5,
      tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: {} } } }],
      tool_choice: { type: "function", function: { name: "lookup" } },
      parallel_tool_calls: false,
    });
  });

  it("an answer cut by max_output_tokens is incomplete, whole and streamed", async () => {
    const whole = await client.responses.create({ model: "sandbox/swift-mini", input: "Long [[sandbox:tokens=50]]", max_output_tokens: 5 });
    expect(whole).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" }, usage: { output_tokens: 5 } });
    const events: string[] = [];
    for await (const event of await client.responses.create({ model: "sandbox/swift-mini", input: "Long [[sandbox:tokens=50]]", max_output_tokens: 5, stream: true })) events.push(event.type);
    expect(events.at(-1)).toBe("response.incomplete");
  });
});

describe("errors in OpenAI's shape", () => {
  it("401 without a valid key, 404 for an unknown model", async () => {
    const anonymous = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: "sk-sy-v1-nope", maxRetries: 0 });
    const unauthorised = await anonymous.responses.create({ model: "sandbox/swift-mini", input: "x" }).catch((e) => e);
    expect(unauthorised).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unauthorised.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
    const unknown = await client.responses.create({ model: "nobody/nothing", input: "x" }).catch((e) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("400 naming the field for what is not served: hosted tools, item references, file ids", async () => {
    const hosted = await client.responses.create({ model: "sandbox/swift-mini", input: "x", tools: [{ type: "web_search" }] }).catch((e) => e);
    expect(hosted.status).toBe(400);
    expect(hosted.error).toMatchObject({ type: "invalid_request_error", param: "tools.0.type" });
    expect(hosted.message).toMatch(/only function tools/);
    const reference = await client.responses.create({ model: "sandbox/swift-mini", input: [{ type: "item_reference", id: "msg_1" }] }).catch((e) => e);
    expect(reference.error.param).toBe("input.0.type");
    const fileId = await client.responses.create({ model: "sandbox/swift-mini", input: [{ role: "user", content: [{ type: "input_image", file_id: "file-1", detail: "auto" }] }] }).catch((e) => e);
    expect(fileId.error.param).toBe("input.0.content.0");
    const missing = await client.responses.create({ input: "x" } as never).catch((e) => e);
    expect(missing.error.param).toBe("model");
  });

  it("a failure after the first token ends the stream with response.failed, and the ledger says error", async () => {
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of await client.responses.create({ model: "sandbox/swift-mini", input: "Hi [[sandbox:error-after=3]] [[sandbox:tokens=20]]", stream: true })) events.push(event);
    const last = events.at(-1) as OpenAI.Responses.ResponseFailedEvent;
    expect(last.type).toBe("response.failed");
    expect(last.response.error?.message).toBeTruthy();
    expect(events.filter((e) => e.type === "response.output_text.delta")).toHaveLength(3);
    expect((await generation(last.response.id)).status).toBe("error");
  });
});
