// A fake OpenAI-compatible provider on loopback, speaking the real wire format, whose
// behaviour a test chooses per server: answer, fail with a status, drop, or hang. Given
// `toolArguments`, a request with tools whose last message is the user's is answered with a
// call of its first tool (streamed in two pieces, as providers do), finish_reason "tool_calls".
import http from "node:http";

export type FakeMode = "ok" | "500" | "429" | "drop-before-content" | "drop-mid-stream" | "hang" | "error-chunk";

export interface FakeUpstream {
  url: string;
  requests: { model: string; stream: boolean; body: Record<string, unknown> }[];
  /** The Authorization header of every request (model list included), in arrival order. */
  authorizations: (string | undefined)[];
  mode: FakeMode;
  close(): Promise<void>;
}

/**
 * `requireKey`: a request without `Authorization: Bearer <it>` gets 401, as a real provider
 * answers a wrong key; `publicModels` leaves GET /models open to anyone, as OpenRouter's is
 * (its GET /key then tells a good key from a bad one).
 */
export async function startFakeUpstream(
  options: { mode?: FakeMode; deltas?: number; gapMs?: number; text?: string; firstDelayMs?: number; requireKey?: string; publicModels?: boolean; toolArguments?: string } = {},
): Promise<FakeUpstream> {
  const deltas = options.deltas ?? 8;
  const gapMs = options.gapMs ?? 5;
  const word = options.text ?? "fake";
  const sockets = new Set<import("node:net").Socket>();
  const state: FakeUpstream = { url: "", requests: [], authorizations: [], mode: options.mode ?? "ok", close: async () => {} };

  const server = http.createServer(async (req, res) => {
    state.authorizations.push(req.headers.authorization);
    const open = options.publicModels && req.method === "GET" && req.url?.endsWith("/models");
    if (options.requireKey && !open && req.headers.authorization !== `Bearer ${options.requireKey}`) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } }));
      return;
    }
    if (req.method === "GET" && req.url?.endsWith("/key")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { label: "fake key", usage: 0, limit: null } }));
      return;
    }
    if (req.method === "GET" && req.url?.endsWith("/models")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [{ id: "fake-model", object: "model", created: 0, owned_by: "fake" }] }));
      return;
    }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as Record<string, unknown>;
    const model = String(body.model);
    state.requests.push({ model, stream: Boolean(body.stream), body });
    const mode = state.mode;
    if (mode === "500" || mode === "429") {
      res.writeHead(Number(mode), { "content-type": "application/json", ...(mode === "429" ? { "retry-after": "1" } : {}) });
      res.end(JSON.stringify({ error: { message: `fake upstream says ${mode}`, type: "server_error", code: mode } }));
      return;
    }
    if (mode === "hang") return;
    const id = "chatcmpl-fake";
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: 11, completion_tokens: deltas, total_tokens: 11 + deltas };
    const tools = body.tools as { function: { name: string } }[] | undefined;
    const messages = body.messages as { role: string }[];
    const callTool = options.toolArguments !== undefined && tools?.length && messages.at(-1)?.role === "user";
    if (callTool) {
      const call = { id: "call_fake_1", type: "function", function: { name: tools[0].function.name, arguments: options.toolArguments! } };
      if (!body.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id, object: "chat.completion", created, model, choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [call] }, finish_reason: "tool_calls" }], usage }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const half = Math.floor(call.function.arguments.length / 2);
      const base = { id, object: "chat.completion.chunk", created, model };
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: null, tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }, finish_reason: null }] })}\n\n`);
      for (const piece of [call.function.arguments.slice(0, half), call.function.arguments.slice(half)]) {
        res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }], usage })}\n\n`);
      res.end("data: [DONE]\n\n");
      return;
    }
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id, object: "chat.completion", created, model, choices: [{ index: 0, message: { role: "assistant", content: Array(deltas).fill(word).join(" ") }, finish_reason: "stop" }], usage }));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] });
    send(chunk({ role: "assistant", content: "" }));
    if (mode === "drop-before-content") return void res.socket?.destroy();
    if (options.firstDelayMs) await new Promise((r) => setTimeout(r, options.firstDelayMs));
    for (let i = 0; i < deltas; i++) {
      await new Promise((r) => setTimeout(r, gapMs));
      if (res.destroyed) return;
      if (mode === "drop-mid-stream" && i === Math.floor(deltas / 2)) return void res.socket?.destroy();
      if (mode === "error-chunk" && i === Math.floor(deltas / 2)) {
        send({ ...chunk({}, "error"), error: { code: 502, message: "fake provider broke" } });
        return void res.end();
      }
      send(chunk({ content: i === 0 ? word : ` ${word}` }));
    }
    send(chunk({}, "stop"));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) send({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
    res.end("data: [DONE]\n\n");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => resolve());
    });
  return state;
}
