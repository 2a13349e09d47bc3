// Rewrites of the message list for providers that cannot take it as OpenAI would. Each is a
// pure function of the messages, so the normaliser can apply any combination of them.

export type WireMessage = { role: string; content?: unknown; tool_calls?: unknown; [key: string]: unknown };

/** Plain text of a message's content (string or text parts). */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
  return "";
}

const isInstruction = (m: WireMessage) => m.role === "system" || m.role === "developer";

/** No system role: instructions become the opening of the first user message. */
export function mergeSystemPrompt(messages: WireMessage[]): WireMessage[] {
  const instructions = messages.filter(isInstruction).map((m) => contentText(m.content)).filter(Boolean);
  const rest = messages.filter((m) => !isInstruction(m));
  if (instructions.length === 0) return rest;
  const preamble = instructions.join("\n\n");
  const firstUser = rest.findIndex((m) => m.role === "user");
  if (firstUser === -1) return [{ role: "user", content: preamble }, ...rest];
  const target = rest[firstUser];
  const merged = { ...target, content: `${preamble}\n\n${contentText(target.content)}` };
  return rest.map((m, i) => (i === firstUser ? merged : m));
}

const isPlain = (m: WireMessage) => (m.role === "user" || m.role === "assistant") && !m.tool_calls;

/** Strictly alternating turns: consecutive plain messages of one role become one. */
export function mergeConsecutiveRoles(messages: WireMessage[]): WireMessage[] {
  const out: WireMessage[] = [];
  for (const message of messages) {
    const previous = out.at(-1);
    if (previous && previous.role === message.role && isPlain(previous) && isPlain(message)) {
      out[out.length - 1] = { ...previous, content: `${contentText(previous.content)}\n\n${contentText(message.content)}` };
    } else out.push(message);
  }
  return out;
}

/**
 * OpenRouter's middle-out: keep the instructions, the first user message and as many of the
 * latest messages as fit in `budget` tokens; drop from the middle, oldest first. Tool results
 * never survive without the assistant message that asked for them.
 */
export function trimMiddle(messages: WireMessage[], budget: number, count: (messages: WireMessage[]) => number): WireMessage[] {
  const firstUser = messages.findIndex((m) => m.role === "user");
  const head = messages.filter((m, i) => isInstruction(m) || i === firstUser);
  const tail = messages.filter((m, i) => !isInstruction(m) && i !== firstUser);
  while (tail.length > 1 && count([...head, ...tail]) > budget) {
    tail.shift();
    while (tail.length > 1 && tail[0].role === "tool") tail.shift();
  }
  return [...head, ...tail];
}
