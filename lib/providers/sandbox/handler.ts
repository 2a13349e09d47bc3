// The sandbox: a built-in, OpenAI-compatible simulator of LLM providers. One Web-standard
// handler serves it both in-process (as the openai SDK's `fetch`) and over HTTP (server.ts),
// so both paths send the same bytes.
//
//   GET  …/models            OpenAI model list (plus name, context length and pricing, like OpenRouter)
//   POST …/chat/completions  streaming and non-streaming completions (images only for vision models, see vision.ts)
//
// Directives in the last user message simulate failures and shapes for tests and benchmarks
// (they are stripped before the answer is derived from the text):
//   [[sandbox:status=N]]       answer at once with HTTP status N and an OpenAI error body (429 adds retry-after: 1)
//   [[sandbox:drop-after=N]]   stream N content chunks, then break the connection (no finish, no usage, no [DONE])
//   [[sandbox:error-after=N]]  stream N content chunks, then an OpenRouter-style chunk carrying `error`, then end
//   [[sandbox:no-usage]]       never report usage, even when stream_options.include_usage asks for it
//   [[sandbox:slow]]           ten times slower (time to first token and tokens per second)
//   [[sandbox:tokens=N]]       exactly N completion tokens (reasoning included), unless max_tokens or stop cut it first
import { lastUserText } from "./answer";
import { parseDirectives } from "./directives";
import { SANDBOX_MODELS, findSandboxModel, type SandboxModel } from "./models";
import { Pacer } from "./pace";
import { planCompletion } from "./plan";
import { sandboxRequestSchema, type SandboxRequest } from "./request-schema";
import { streamCompletion } from "./stream";
import { countImages } from "./vision";
import { countPromptTokens } from "./tokens";
import { completionBody, defaultErrorMessage, errorResponse, jsonResponse, newCompletionId, type ChunkContext } from "./wire";

export { SANDBOX_DIRECTIVES } from "./directives";

export interface SandboxOptions {
  /** Multiplies the models' speed: 2 = twice as fast; 1000 or more = no waiting at all. */
  speed?: number;
  /**
   * What stops the answer. Callers pass their own signal rather than rely on the Request's:
   * a Request's signal stops following the one it was made with once the Request object is
   * garbage-collected (nodejs/node#55428), and a stream outlives its Request.
   */
  signal?: AbortSignal;
}

// A fixed date: the list must not change between calls.
const MODELS_CREATED = 1_735_689_600;

export async function handleSandboxRequest(req: Request, options: SandboxOptions = {}): Promise<Response> {
  const path = new URL(req.url).pathname.replace(/\/+$/, "");
  if (path.endsWith("/models")) {
    return req.method === "GET" ? jsonResponse(listModels()) : methodNotAllowed(req.method, path);
  }
  if (path.endsWith("/chat/completions")) {
    const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
    return req.method === "POST" ? completeChat(req, speed, options.signal ?? req.signal) : methodNotAllowed(req.method, path);
  }
  return errorResponse(404, { message: `Unknown path: ${path}`, code: "not_found" });
}

function listModels() {
  return {
    object: "list",
    data: SANDBOX_MODELS.map((m) => ({
      id: m.id,
      object: "model",
      created: MODELS_CREATED,
      owned_by: "sandbox",
      name: m.name,
      description: m.description,
      context_length: m.contextLength,
      pricing: { prompt: picoToUsd(m.pricePromptPico), completion: picoToUsd(m.priceCompletionPico) },
    })),
  };
}

async function completeChat(req: Request, speed: number, signal: AbortSignal): Promise<Response> {
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return errorResponse(400, { message: "We could not parse the JSON body of your request." });
  }
  const parsed = sandboxRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.join(".") || null;
    return errorResponse(400, { message: `Invalid request${param ? ` at '${param}'` : ""}: ${issue.message}`, param });
  }
  const request = parsed.data;
  const model = findSandboxModel(request.model);
  if (!model) {
    return errorResponse(404, {
      message: `The model \`${request.model}\` does not exist or you do not have access to it.`,
      code: "model_not_found",
      param: "model",
    });
  }

  const directives = parseDirectives(lastUserText(request.messages));
  if (directives.status !== undefined && directives.status >= 400) {
    return errorResponse(directives.status, { message: `${defaultErrorMessage(directives.status)} (simulated by [[sandbox:status=${directives.status}]])` });
  }
  // As at real providers, a text-only model refuses images (the chatroom leaves them out for it).
  if (!model.vision && countImages(request.messages) > 0) {
    return errorResponse(400, { message: `The model \`${model.id}\` does not support image input.`, code: "unsupported_input", param: "messages" });
  }
  const tooLong = checkContext(model, request);
  if (tooLong) return tooLong;

  const plan = planCompletion(model, request, directives);
  const streaming = request.stream === true;
  const ctx: ChunkContext = {
    id: newCompletionId(),
    created: Math.floor(Date.now() / 1000),
    model: model.id,
    includeUsage: streaming && request.stream_options?.include_usage === true,
  };
  const pacer = new Pacer(model, speed, directives.slow, signal);

  if (streaming) {
    const body = streamCompletion(plan, ctx, directives, pacer, signal);
    return new Response(body, {
      status: 200,
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": ctx.id },
    });
  }

  // A whole completion arrives when its last token would have: ttft plus every token.
  const pieces = plan.reasoning.length + plan.content.length + (plan.toolCall?.pieces.length ?? 0);
  await pacer.until(pieces);
  if (directives.dropAfter !== undefined) return droppedResponse();
  if (directives.errorAfter !== undefined) return errorResponse(502, { message: "Provider returned error: simulated failure" });
  return jsonResponse(completionBody(ctx, plan, !directives.noUsage));
}

function checkContext(model: SandboxModel, request: SandboxRequest): Response | undefined {
  const promptTokens = countPromptTokens(request.messages, request.tools);
  if (promptTokens <= model.contextLength) return undefined;
  return errorResponse(400, {
    message: `This model's maximum context length is ${model.contextLength} tokens. However, your messages resulted in ${promptTokens} tokens.`,
    code: "context_length_exceeded",
    param: "messages",
  });
}

/** Headers arrive, then the body breaks: what a client sees when a connection drops. */
function droppedResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":"chatcmpl-'));
      controller.error(new Error("sandbox: connection dropped"));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
}

function methodNotAllowed(method: string, path: string): Response {
  return errorResponse(405, { message: `Method ${method} is not allowed on ${path}.`, type: "invalid_request_error", code: "method_not_allowed" });
}

function picoToUsd(pico: bigint): string {
  const whole = pico / 1_000_000_000_000n;
  const fraction = (pico % 1_000_000_000_000n).toString().padStart(12, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
