// How much a prompt may carry. One place for the numbers the upload route, the chat request
// schema, the composer and the README all state.
import { getEnv } from "../env";

/** Attachments on one prompt. */
export const MAX_ATTACHMENTS_PER_PROMPT = 8;
/** A text file is sent as text: 1 MiB is already about 250,000 tokens. */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;
/** The longest side of an image; providers scale larger ones down anyway. */
export const MAX_IMAGE_SIDE = 12_000;
/** Longest file name kept (the rest is cut). */
export const MAX_NAME_LENGTH = 200;

export function maxImageBytes(): number {
  return Math.floor(getEnv().ATTACHMENT_MAX_MB * 1024 * 1024);
}
