// The sandbox handler speaks OpenAI's wire protocol: shapes, usage, limits and directives.
import { encode } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { handleSandboxRequest } from "../../lib/providers/sandbox/handler";

const BASE = "http://sandbox.local/v1";
const FAST = { speed: 1000 };

function post(body: unknown, signal?: AbortSignal): Promise<Response> {
  const request = new Request(`${BASE}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
  return handleSandboxRequest(request, FAST);
}

const chat = (content: string, extra: Record<string, unknown> = {}) => ({ model: "swift-mini", messages: [{ role: "user", content }], ...extra });

/** Every `data:` payload of an SSE body, JSON-parsed except the final [DONE]. */
async function sse(response: Response): Promise<{ events: any[]; done: boolean }> {
  const text = await response.text();
  expect(text.endsWith("\n\n")).toBe(true);
  const payloads = text.split("\n\n").filter(Boolean).map((block) => block.replace(/^data: /, ""));
  const done = payloads.at(-1) === "[DONE]";
  return { events: payloads.filter((p) => p !== "[DONE]").map((p) => JSON.parse(p)), done };
}

const contentOf = (events: any[]) => events.map((e) => e.choices?.[0]?.delta?.content ?? "").join("");

describe("GET /models", () => {
  it("lists the models in OpenAI's list shape", async () => {
    const response = await handleSandboxRequest(new Request(`${BASE}/models`));
    const body = await response.json();
    expect(body.object).toBe("list");
    expect(body.data[0]).toMatchObject({ id: "swift-mini", object: "model", owned_by: "sandbox" });
    expect(typeof body.data[0].created).toBe("number");
  });
});

describe("POST /chat/completions", () => {
  it("answers non-streaming with a chat.completion and real token counts", async () => {
    const response = await post(chat("Explain binary search"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ object: "chat.completion", model: "swift-mini", choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant" } }] });
    expect(body.id).toMatch(/^chatcmpl-/);
    const content: string = body.choices[0].message.content;
    expect(body.usage.completion_tokens).toBe(encode(content).length);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.prompt_tokens_details.cached_tokens).toBe(0);
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(0);
  });

  it("counts prompt tokens with the tokenizer, so a longer prompt costs more", async () => {
    const short = await (await post(chat("Hi"))).json();
    const long = await (await post(chat("Hi ".repeat(50)))).json();
    expect(short.usage.prompt_tokens).toBeGreaterThan(encode("Hi").length);
    expect(long.usage.prompt_tokens - short.usage.prompt_tokens).toBe(encode("Hi ".repeat(50)).length - encode("Hi").length);
  });

  it("streams chunks ending in finish_reason, then [DONE]; usage only when asked", async () => {
    const without = await sse(await post(chat("Explain caching", { stream: true })));
    expect(without.done).toBe(true);
    expect(without.events[0].choices[0].delta).toEqual({ role: "assistant", content: "" });
    expect(without.events.every((e) => e.object === "chat.completion.chunk" && !e.usage)).toBe(true);
    expect(without.events.at(-1).choices[0].finish_reason).toBe("stop");

    const withUsage = await sse(await post(chat("Explain caching", { stream: true, stream_options: { include_usage: true } })));
    const last = withUsage.events.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.completion_tokens).toBe(encode(contentOf(withUsage.events)).length);
    expect(contentOf(withUsage.events)).toBe(contentOf(without.events));
  });

  it("streams reasoning before content for reasoning models, and counts it", async () => {
    const { events } = await sse(await post({ ...chat("Why is the sky blue?", { stream: true, stream_options: { include_usage: true } }), model: "sage-reasoner" }));
    const kinds = events.flatMap((e) => (e.choices[0]?.delta?.reasoning ? ["r"] : e.choices[0]?.delta?.content ? ["c"] : []));
    expect(kinds.indexOf("c")).toBeGreaterThan(kinds.lastIndexOf("r"));
    const reasoning = events.map((e) => e.choices[0]?.delta?.reasoning ?? "").join("");
    expect(events.at(-1).usage.completion_tokens_details.reasoning_tokens).toBe(encode(reasoning).length);
  });

  it("cuts at max_tokens with finish_reason length", async () => {
    const body = await (await post(chat("Explain recursion", { max_tokens: 7 }))).json();
    expect(body.choices[0].finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBe(7);
    const newer = await (await post(chat("Explain recursion", { max_completion_tokens: 5 }))).json();
    expect(newer.usage.completion_tokens).toBe(5);
  });

  it("ends before a stop sequence", async () => {
    const full = (await (await post(chat("Explain recursion"))).json()).choices[0].message.content as string;
    const stopAt = full.indexOf("\n\n");
    const body = await (await post(chat("Explain recursion", { stop: ["\n\n"] }))).json();
    expect(body.choices[0].message.content).toBe(full.slice(0, stopAt));
    expect(body.choices[0].finish_reason).toBe("stop");
  });

  it("changes the answer with the seed, deterministically", async () => {
    const text = async (seed: number) => (await (await post(chat("Explain recursion", { seed }))).json()).choices[0].message.content;
    expect(await text(1)).toBe(await text(1));
    expect(await text(1)).not.toBe(await text(2));
  });

  it("rejects bad bodies with a 400 in OpenAI's error shape", async () => {
    const response = await post({ model: "swift-mini" });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ type: "invalid_request_error", param: "messages" });
    expect(error.message).toMatch(/messages/);
    const notJson = await handleSandboxRequest(new Request(`${BASE}/chat/completions`, { method: "POST", body: "{nope" }));
    expect(notJson.status).toBe(400);
  });

  it("answers an unknown model with a 404", async () => {
    const response = await post({ ...chat("Hi"), model: "no-such-model" });
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatchObject({ code: "model_not_found", param: "model" });
  });
});

describe("directives", () => {
  it.each([500, 429, 401, 503])("[[sandbox:status=%i]] fails at once with that status", async (status) => {
    const response = await post(chat(`Hi [[sandbox:status=${status}]]`, { stream: true }));
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(status === 429 ? "1" : null);
    const { error } = await response.json();
    expect(typeof error.message).toBe("string");
    expect(error).toHaveProperty("type");
    expect(error).toHaveProperty("code");
  });

  it("[[sandbox:tokens=N]] answers exactly N completion tokens", async () => {
    for (const n of [1, 42, 900]) {
      const body = await (await post(chat(`Hi [[sandbox:tokens=${n}]]`))).json();
      expect(body.usage.completion_tokens).toBe(n);
      expect(encode(body.choices[0].message.content).length).toBe(n);
    }
    const reasoner = await (await post({ ...chat("Hi [[sandbox:tokens=40]]"), model: "sage-reasoner" })).json();
    expect(reasoner.usage.completion_tokens).toBe(40);
  });

  it("[[sandbox:drop-after=N]] sends N content chunks then breaks the stream", async () => {
    const response = await post(chat("Tell me a story [[sandbox:drop-after=3]]", { stream: true, stream_options: { include_usage: true } }));
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += value;
        }
      })(),
    ).rejects.toThrow(/dropped/);
    const contents = text.split("\n\n").filter((b) => b.includes('"content":"') && !b.includes('"content":""'));
    expect(contents).toHaveLength(3);
    expect(text).not.toContain("[DONE]");
    expect(text).not.toContain('"usage":{');
  });

  it("[[sandbox:error-after=N]] sends an error chunk after N content chunks, then ends", async () => {
    const { events, done } = await sse(await post(chat("Tell me a story [[sandbox:error-after=2]]", { stream: true })));
    expect(done).toBe(false);
    expect(events.at(-1).error).toMatchObject({ code: 502 });
    expect(events.filter((e) => e.choices[0]?.delta?.content)).toHaveLength(2);
  });

  it("[[sandbox:no-usage]] never reports usage", async () => {
    const { events } = await sse(await post(chat("Hi [[sandbox:no-usage]]", { stream: true, stream_options: { include_usage: true } })));
    expect(events.some((e) => e.usage)).toBe(false);
    const body = await (await post(chat("Hi [[sandbox:no-usage]]"))).json();
    expect(body.usage).toBeUndefined();
  });
});

describe("aborting", () => {
  it("stops producing when the request is aborted", async () => {
    const controller = new AbortController();
    const response = await handleSandboxRequest(
      new Request(`${BASE}/chat/completions`, { method: "POST", body: JSON.stringify(chat("Long essay", { stream: true })), signal: controller.signal }),
      { speed: 1 },
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });
});
