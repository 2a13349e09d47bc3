// The soak's clients: chatroom turns and API streams (and whole answers) with random faults
// asked of the sandbox (drops, 5xx, 429, error chunks, no usage, slow streams) and random
// client aborts. Each call records what the client saw: its ids, what was delivered, how it
// ended. A server that is down (restarting) refuses the call: it was never made.
import { SseDecoder } from "../../lib/streaming/sse";

export interface CallRecord {
  kind: "api-stream" | "api-whole" | "chat";
  /** Ledger row ids the client learned (X-Generation-Id), or chat answers' message ids. */
  generationId?: string;
  messageId?: string;
  keyId?: string;
  userId: string;
  model: string;
  status: number;
  delivered: string;
  aborted: boolean;
  /** The connection broke without an end the server sent (a kill). */
  cut: boolean;
  /** The client read an end event ([DONE], column-end/error) or a whole answer. */
  ended: boolean;
  /** Refused before any upstream call (a chatroom column over its budget, say): no ledger row is due. */
  refused?: boolean;
}

export interface SoakIdentity {
  userId: string;
  chatHeaders: Record<string, string>;
  keys: { id: string; secret: string }[];
}

const MODELS = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/echo-free", "sandbox/sage-reasoner", "sandbox/coder-pro"];
const pick = <T>(items: readonly T[], random: () => number) => items[Math.floor(random() * items.length)];

function directive(random: () => number): string {
  const r = random();
  if (r < 0.45) return "";
  if (r < 0.55) return `[[sandbox:drop-after=${5 + Math.floor(random() * 40)}]]`;
  if (r < 0.63) return "[[sandbox:status=500]]";
  if (r < 0.67) return "[[sandbox:status=429]]";
  if (r < 0.75) return `[[sandbox:error-after=${5 + Math.floor(random() * 30)}]]`;
  if (r < 0.87) return "[[sandbox:no-usage]]";
  return "[[sandbox:slow]]";
}

export function prompt(random: () => number): string {
  return `Tell me about rivers, lakes and seas. ${directive(random)} [[sandbox:tokens=${40 + Math.floor(random() * 300)}]]`;
}

/** Reads an SSE body; `onData` may ask to abort after some delivered text. */
async function readEvents(response: Response, onData: (data: string) => boolean): Promise<{ cut: boolean }> {
  const decoder = new SseDecoder();
  const utf8 = new TextDecoder();
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { cut: false };
      for (const message of decoder.push(utf8.decode(value, { stream: true }))) if (onData(message.data)) return { cut: false };
    }
  } catch {
    return { cut: true };
  }
}

export async function apiCall(url: string, who: SoakIdentity, random: () => number, stream: boolean): Promise<CallRecord | null> {
  const key = pick(who.keys, random);
  const model = pick(MODELS, random);
  const abortAfter = random() < 0.12 ? 20 + Math.floor(random() * 200) : Infinity;
  const controller = new AbortController();
  const record: CallRecord = { kind: stream ? "api-stream" : "api-whole", keyId: key.id, userId: who.userId, model, status: 0, delivered: "", aborted: false, cut: false, ended: false };
  let response: Response;
  try {
    response = await fetch(`${url}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
      body: JSON.stringify({ model, stream, max_tokens: 400, messages: [{ role: "user", content: prompt(random) }] }),
      signal: controller.signal,
    });
  } catch {
    return null;
  }
  record.status = response.status;
  record.generationId = response.headers.get("x-generation-id") ?? undefined;
  if (!stream || response.status !== 200) {
    try {
      const body = await response.json();
      const message = body.choices?.[0]?.message;
      record.delivered = (message?.reasoning ?? "") + (message?.content ?? "");
      record.ended = true;
    } catch {
      record.cut = true;
    }
    return record;
  }
  const { cut } = await readEvents(response, (data) => {
    if (data === "[DONE]") {
      record.ended = true;
      return true;
    }
    const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string; reasoning?: string } }[] };
    record.delivered += (chunk.choices?.[0]?.delta?.reasoning ?? "") + (chunk.choices?.[0]?.delta?.content ?? "");
    if (record.delivered.length >= abortAfter) {
      record.aborted = true;
      controller.abort();
      return true;
    }
    return false;
  });
  record.cut = cut;
  return record;
}

export async function chatTurn(url: string, who: SoakIdentity, random: () => number): Promise<CallRecord[]> {
  const columns = [{ modelId: pick(MODELS, random) }, { modelId: pick(MODELS, random) }];
  const abortAfter = random() < 0.12 ? 40 + Math.floor(random() * 300) : Infinity;
  const controller = new AbortController();
  let response: Response;
  try {
    response = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", ...who.chatHeaders },
      body: JSON.stringify({ prompt: prompt(random), columns }),
      signal: controller.signal,
    });
  } catch {
    return [];
  }
  const byColumn = new Map<string, CallRecord>();
  let total = 0;
  const base = { kind: "chat" as const, userId: who.userId, status: response.status, delivered: "", aborted: false, cut: false, ended: false };
  if (response.status !== 200) return [{ ...base, model: columns[0].modelId, ended: true }];
  const { cut } = await readEvents(response, (data) => {
    const event = JSON.parse(data) as { type: string; columnId?: string; messageId?: string; modelId?: string; text?: string; stats?: { provider: string | null; status: string } };
    if (event.type === "column-start") byColumn.set(event.columnId!, { ...base, messageId: event.messageId, model: event.modelId! });
    else if (event.type === "text" || event.type === "reasoning") {
      byColumn.get(event.columnId!)!.delivered += event.text;
      total += event.text!.length;
      if (total >= abortAfter) {
        for (const record of byColumn.values()) record.aborted = !record.ended;
        controller.abort();
        return true;
      }
    } else if (event.type === "column-end" || event.type === "column-error") {
      const record = byColumn.get(event.columnId!)!;
      record.ended = true;
      record.refused = event.stats?.provider === null && record.delivered === "";
    }
    return false;
  });
  for (const record of byColumn.values()) record.cut = cut && !record.ended;
  return [...byColumn.values()];
}
