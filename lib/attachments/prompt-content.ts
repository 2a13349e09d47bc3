// A prompt with its attachments, as a model receives it: text files inline as text (every
// model reads text), images as image_url parts (base64 data URLs) for models that take them.
// For a model known to be text-only each image becomes a one-line note instead, so the model
// knows something was left out and the column can say so rather than fail.
import type { ChatCompletionContentPart } from "openai/resources/chat/completions";
import { decodeText } from "./inspect-file";

export interface PromptAttachment {
  kind: string;
  mimeType: string;
  name: string;
  width: number | null;
  height: number | null;
  data: Uint8Array;
  turn: number | null;
}

export interface TurnAttachments {
  byTurn: ReadonlyMap<number, readonly PromptAttachment[]>;
  /** Whether the column's model takes images: false leaves them out; null (unknown) sends them. */
  images: boolean | null;
}

export function groupByTurn(rows: readonly PromptAttachment[]): Map<number, PromptAttachment[]> {
  const byTurn = new Map<number, PromptAttachment[]>();
  for (const row of rows) if (row.turn !== null) byTurn.set(row.turn, [...(byTurn.get(row.turn) ?? []), row]);
  return byTurn;
}

export function promptContent(prompt: string, attachments: readonly PromptAttachment[] | undefined, images: boolean | null): string | ChatCompletionContentPart[] {
  if (!attachments?.length) return prompt;
  const parts: ChatCompletionContentPart[] = [{ type: "text", text: prompt }];
  for (const file of attachments) {
    if (file.kind === "text") {
      const fence = "`".repeat(Math.max(3, longestBacktickRun(decodeText(file.data) ?? "") + 1));
      parts.push({ type: "text", text: `Attached file "${file.name}":\n${fence}\n${decodeText(file.data) ?? ""}\n${fence}` });
    } else if (images === false) {
      parts.push({ type: "text", text: `[Image "${file.name}" not sent: this model does not take images]` });
    } else {
      parts.push({ type: "image_url", image_url: { url: `data:${file.mimeType};base64,${Buffer.from(file.data).toString("base64")}` } });
    }
  }
  return parts;
}

/** Images of the turn a text-only model will not see (its column says so). */
export function omittedImageCount(attachments: readonly PromptAttachment[] | undefined, images: boolean | null): number {
  return images === false ? (attachments ?? []).filter((a) => a.kind === "image").length : 0;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}
