// Responses API items as chat-completions messages, both ways: a request's `input` (messages,
// function calls and their outputs) into the messages the engine sends upstream, and a
// response's `output` back into the assistant turn a later `previous_response_id` continues.
import { z } from "zod";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import type { WireMessage } from "../providers/quirks/message-rules";
import type { OutputItem } from "./response-object";

const inputText = z.looseObject({ type: z.literal("input_text"), text: z.string() });
const outputText = z.looseObject({ type: z.literal("output_text"), text: z.string() });
const refusal = z.looseObject({ type: z.literal("refusal"), refusal: z.string() });
const inputImage = z.looseObject({
  type: z.literal("input_image"),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.enum(["low", "high", "auto", "original"]).nullish(),
});
const inputFile = z.looseObject({
  type: z.literal("input_file"),
  file_data: z.string().nullish(),
  file_url: z.string().nullish(),
  file_id: z.string().nullish(),
  filename: z.string().nullish(),
});
const part = z.discriminatedUnion("type", [inputText, outputText, refusal, inputImage, inputFile]);
type Part = z.infer<typeof part>;

const messageItem = z.looseObject({
  type: z.literal("message").optional(),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(part)]),
});
const functionCallItem = z.looseObject({ type: z.literal("function_call"), call_id: z.string().min(1), name: z.string().min(1), arguments: z.string() });
const functionOutputItem = z.looseObject({
  type: z.literal("function_call_output"),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(part)]),
});

type ChatPart = Record<string, unknown>;

/** The input as chat messages (instructions are the caller's: they do not carry over). */
export function inputToMessages(input: string | { type?: string }[]): WireMessage[] {
  if (typeof input === "string") return [{ role: "user", content: input }];
  const messages: WireMessage[] = [];
  input.forEach((raw, i) => {
    const where = `input.${i}`;
    const type = raw.type ?? "message";
    if (type === "message") {
      const item = validateBody(raw, messageItem, ["input", i]);
      messages.push({ role: item.role, content: typeof item.content === "string" ? item.content : contentOf(item.content, item.role, where) });
    } else if (type === "function_call") {
      const item = validateBody(raw, functionCallItem, ["input", i]);
      const call = { id: item.call_id, type: "function", function: { name: item.name, arguments: item.arguments } };
      // Parallel calls are one assistant turn upstream, after its text when it had some.
      const last = messages.at(-1);
      if (last?.role === "assistant") last.tool_calls = [...((last.tool_calls as unknown[]) ?? []), call];
      else messages.push({ role: "assistant", content: null, tool_calls: [call] });
    } else if (type === "function_call_output") {
      const item = validateBody(raw, functionOutputItem, ["input", i]);
      const output = typeof item.output === "string" ? item.output : item.output.map((p) => textOf(p)).join("");
      messages.push({ role: "tool", tool_call_id: item.call_id, content: output });
    } else if (type !== "reasoning") {
      // Reasoning items are the model's own notes: providers behind chat completions cannot take them back.
      throw new AppError(400, `${where}: items of type "${type}" are not supported here (messages, function_call and function_call_output are)`, "invalid_request", `${where}.type`);
    }
  });
  return messages;
}

function textOf(p: Part): string {
  return p.type === "refusal" ? p.refusal : "text" in p && typeof p.text === "string" ? p.text : "";
}

function contentOf(parts: Part[], role: string, where: string): string | ChatPart[] {
  // Only user messages carry images and files upstream; the others are text.
  if (role !== "user") return parts.map(textOf).join("");
  return parts.map((p, j): ChatPart => {
    if (p.type === "input_image") {
      if (!p.image_url) throw unsupportedFileId(`${where}.content.${j}`);
      return { type: "image_url", image_url: { url: p.image_url, ...(p.detail ? { detail: p.detail } : {}) } };
    }
    if (p.type === "input_file") {
      const data = p.file_data ?? p.file_url;
      if (!data) throw unsupportedFileId(`${where}.content.${j}`);
      return { type: "file", file: { file_data: data, ...(p.filename ? { filename: p.filename } : {}) } };
    }
    return { type: "text", text: textOf(p) };
  });
}

function unsupportedFileId(param: string): AppError {
  return new AppError(400, `${param}: file ids are not supported here; send the image or file inline (a URL or a data URL)`, "invalid_request", param);
}

/** The assistant turn of a response's output items, as the next request's history holds it. */
export function outputToMessage(output: readonly OutputItem[]): WireMessage | null {
  const text = output.flatMap((item) => (item.type === "message" ? item.content.map((c) => c.text) : [])).join("");
  const calls = output.flatMap((item) => (item.type === "function_call" ? [{ id: item.call_id, type: "function", function: { name: item.name, arguments: item.arguments } }] : []));
  if (!text && calls.length === 0) return null;
  return { role: "assistant", content: text || null, ...(calls.length ? { tool_calls: calls } : {}) };
}
