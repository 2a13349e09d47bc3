// Renders a completion plan as an OpenAI SSE stream, paced like the model, honouring the
// drop/error directives, and stopping the moment the request is aborted.
import type { Directives } from "./directives";
import { Pacer, abortError } from "./pace";
import type { CompletionPlan } from "./plan";
import { chunk, midStreamErrorChunk, usageChunk, type ChunkContext, type WireDelta } from "./wire";

const encoder = new TextEncoder();

/** Thrown inside the generator to simulate a broken connection. */
class ConnectionDrop extends Error {
  constructor() {
    super("sandbox: connection dropped mid-stream");
    this.name = "ConnectionDrop";
  }
}

export function streamCompletion(plan: CompletionPlan, ctx: ChunkContext, directives: Directives, pacer: Pacer, signal: AbortSignal): ReadableStream<Uint8Array> {
  const events = sseEvents(plan, ctx, directives, pacer);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (signal.aborted) throw abortError();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // An aborted request errors its body the way fetch does, so in-process callers see an AbortError.
        controller.error(signal.aborted ? abortError() : error);
        await events.return(undefined);
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}

async function* sseEvents(plan: CompletionPlan, ctx: ChunkContext, directives: Directives, pacer: Pacer): AsyncGenerator<string> {
  const data = (body: object) => `data: ${JSON.stringify(body)}\n\n`;
  await pacer.until(0);
  const call = plan.toolCall;
  yield data(
    chunk(ctx, call
      ? { role: "assistant", content: null, tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] }
      : { role: "assistant", content: "" }),
  );

  let index = 0;
  for (const piece of plan.reasoning) {
    await pacer.until(index++);
    yield data(chunk(ctx, { reasoning: piece.text }));
  }
  // Drop and error directives count the answer's own chunks (content, or tool-call arguments).
  const answer: WireDelta[] = call
    ? call.pieces.map((p) => ({ tool_calls: [{ index: 0, function: { arguments: p.text } }] }))
    : plan.content.map((p) => ({ content: p.text }));
  let sent = 0;
  for (const delta of answer) {
    if (sent === directives.dropAfter) throw new ConnectionDrop();
    if (sent === directives.errorAfter) return yield data(midStreamErrorChunk(ctx));
    await pacer.until(index++);
    yield data(chunk(ctx, delta));
    sent++;
  }
  if (directives.dropAfter !== undefined) throw new ConnectionDrop();
  if (directives.errorAfter !== undefined) return yield data(midStreamErrorChunk(ctx));

  yield data(chunk(ctx, {}, plan.finishReason));
  if (ctx.includeUsage && !directives.noUsage) yield data(usageChunk(ctx, plan.usage));
  yield "data: [DONE]\n\n";
}
