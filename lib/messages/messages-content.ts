// Anthropic messages as chat-completions messages. A user turn's tool_result blocks become
// `tool` messages (first, as chat completions wants results right after the call), the rest of
// the turn a user message of text, image and file parts; an assistant turn's text becomes its
// content and its tool_use blocks its tool_calls. Thinking blocks are the model's own and are
// not sent back. `cache_control` stays on the text parts, for providers that honour it.
import { z } from "zod";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import type { WireMessage } from "../providers/quirks/message-rules";
import type { ContentBlock } from "./messages-request-schema";

const cacheControl = z.looseObject({ type: z.string() }).nullish();
const textBlock = z.looseObject({ type: z.literal("text"), text: z.string(), cache_control: cacheControl });
const base64Source = z.looseObject({ type: z.literal("base64"), media_type: z.string().min(1), data: z.string() });
const urlSource = z.looseObject({ type: z.literal("url"), url: z.string().min(1) });
const textSource = z.looseObject({ type: z.literal("text"), media_type: z.string().optional(), data: z.string() });
const imageBlock = z.looseObject({ type: z.literal("image"), source: z.discriminatedUnion("type", [base64Source, urlSource]) });
const documentBlock = z.looseObject({ type: z.literal("document"), source: z.discriminatedUnion("type", [base64Source, urlSource, textSource]), title: z.string().nullish() });
const toolUseBlock = z.looseObject({ type: z.literal("tool_use"), id: z.string().min(1), name: z.string().min(1), input: z.unknown() });
const toolResultBlock = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]).optional(),
  is_error: z.boolean().optional(),
});

type Part = Record<string, unknown>;
type Path = (string | number)[];

const SKIPPED = new Set(["thinking", "redacted_thinking"]);

/** The system prompt as a system message (text blocks keep their cache_control). */
export function systemMessage(system: string | ContentBlock[] | undefined): WireMessage[] {
  if (system === undefined || system === "" || (Array.isArray(system) && system.length === 0)) return [];
  if (typeof system === "string") return [{ role: "system", content: system }];
  return [{ role: "system", content: system.map((block, i) => textPart(validateBody(block, textBlock, ["system", i]))) }];
}

export function toChatMessages(messages: readonly { role: "user" | "assistant"; content: string | ContentBlock[] }[]): WireMessage[] {
  const out: WireMessage[] = [];
  messages.forEach((message, m) => {
    if (typeof message.content === "string") {
      out.push({ role: message.role, content: message.content });
      return;
    }
    const at = (i: number): Path => ["messages", m, "content", i];
    if (message.role === "assistant") out.push(assistantMessage(message.content, at));
    else out.push(...userMessages(message.content, at));
  });
  return out;
}

function assistantMessage(blocks: ContentBlock[], at: (i: number) => Path): WireMessage {
  let text = "";
  const calls: unknown[] = [];
  blocks.forEach((block, i) => {
    if (SKIPPED.has(block.type)) return;
    if (block.type === "text") text += validateBody(block, textBlock, at(i)).text;
    else if (block.type === "tool_use") {
      const use = validateBody(block, toolUseBlock, at(i));
      calls.push({ id: use.id, type: "function", function: { name: use.name, arguments: JSON.stringify(use.input ?? {}) } });
    } else throw unsupported(block.type, at(i), "text, tool_use and thinking");
  });
  return { role: "assistant", content: text || (calls.length ? null : ""), ...(calls.length ? { tool_calls: calls } : {}) };
}

function userMessages(blocks: ContentBlock[], at: (i: number) => Path): WireMessage[] {
  const results: WireMessage[] = [];
  // Images returned by tools ride in the user message after the results: tool messages carry text.
  const parts: Part[] = [];
  blocks.forEach((block, i) => {
    if (block.type === "tool_result") {
      const result = validateBody(block, toolResultBlock, at(i));
      const content = typeof result.content === "string" ? result.content : "";
      const texts: string[] = content ? [content] : [];
      (Array.isArray(result.content) ? result.content : []).forEach((inner, j) => {
        if (inner.type === "text") texts.push(validateBody(inner, textBlock, [...at(i), "content", j]).text);
        else parts.push(mediaPart(inner, [...at(i), "content", j]));
      });
      results.push({ role: "tool", tool_call_id: result.tool_use_id, content: texts.join("\n") });
    } else if (block.type === "text") parts.push(textPart(validateBody(block, textBlock, at(i))));
    else if (!SKIPPED.has(block.type)) parts.push(mediaPart(block, at(i)));
  });
  return parts.length ? [...results, { role: "user", content: parts }] : results;
}

function textPart(block: z.infer<typeof textBlock>): Part {
  return { type: "text", text: block.text, ...(block.cache_control ? { cache_control: block.cache_control } : {}) };
}

function mediaPart(block: ContentBlock, path: Path): Part {
  if (block.type === "image") {
    const { source } = validateBody(block, imageBlock, path);
    return { type: "image_url", image_url: { url: source.type === "url" ? source.url : `data:${source.media_type};base64,${source.data}` } };
  }
  if (block.type === "document") {
    const { source, title } = validateBody(block, documentBlock, path);
    if (source.type === "text") return { type: "text", text: title ? `${title}\n\n${source.data}` : source.data };
    const fileData = source.type === "url" ? source.url : `data:${source.media_type};base64,${source.data}`;
    return { type: "file", file: { filename: title || "document.pdf", file_data: fileData } };
  }
  throw unsupported(block.type, path, "text, image, document and tool_result");
}

function unsupported(type: string, path: Path, served: string): AppError {
  const param = path.join(".");
  return new AppError(400, `${param}: content blocks of type "${type}" are not supported here (${served} are)`, "invalid_request", `${param}.type`);
}
