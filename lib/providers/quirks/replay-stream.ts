// A model that cannot stream is called without streaming; its whole answer is then replayed
// as the chat.completion.chunk sequence a streaming call would have produced, so everything
// downstream (chatroom events, the API relay) sees one shape.
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";

type LooseMessage = ChatCompletion.Choice["message"] & { reasoning?: string | null; reasoning_content?: string | null };

export function completionToChunks(completion: ChatCompletion): ChatCompletionChunk[] {
  const base = { id: completion.id, object: "chat.completion.chunk" as const, created: completion.created, model: completion.model };
  const chunks: ChatCompletionChunk[] = [];
  const push = (choices: ChatCompletionChunk.Choice[], usage?: ChatCompletion["usage"]) => chunks.push({ ...base, choices, ...(usage ? { usage } : {}) });
  for (const choice of completion.choices ?? []) {
    const message = (choice.message ?? {}) as LooseMessage;
    const index = choice.index ?? 0;
    const reasoning = message.reasoning ?? message.reasoning_content;
    push([{ index, delta: { role: "assistant", content: "" }, finish_reason: null }]);
    if (reasoning) push([{ index, delta: { reasoning } as ChatCompletionChunk.Choice.Delta, finish_reason: null }]);
    if (message.content) push([{ index, delta: { content: message.content }, finish_reason: null }]);
    const calls = (message.tool_calls ?? []).flatMap((call, i) =>
      call.type === "function" ? [{ index: i, id: call.id, type: "function" as const, function: { name: call.function.name, arguments: call.function.arguments } }] : [],
    );
    if (calls.length) push([{ index, delta: { tool_calls: calls }, finish_reason: null }]);
    push([{ index, delta: {}, finish_reason: choice.finish_reason ?? "stop" }]);
  }
  if (completion.usage) push([], completion.usage);
  return chunks;
}

/** The chunks as an SSE body, for the API's byte relay. */
export function chunksToSse(chunks: ChatCompletionChunk[]): string {
  return chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("") + "data: [DONE]\n\n";
}
