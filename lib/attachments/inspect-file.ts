// What an uploaded file really is, from its bytes alone (a name or a Content-Type proves
// nothing): an image whose signature and header `image-size` recognises as PNG, JPEG, WebP or
// GIF, with sane dimensions; or UTF-8 text. Anything else is refused with a 4xx that says why.
import { imageSize } from "image-size";
import { AppError } from "../errors";
import { MAX_IMAGE_SIDE, MAX_NAME_LENGTH, MAX_TEXT_FILE_BYTES, maxImageBytes } from "./limits";

export type AttachmentKind = "image" | "text";

export interface InspectedFile {
  kind: AttachmentKind;
  mimeType: string;
  name: string;
  width: number | null;
  height: number | null;
}

const IMAGE_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

export const ACCEPTED_DESCRIPTION = "PNG, JPEG, WebP or GIF images, or UTF-8 text files";

export function inspectFile(bytes: Uint8Array, rawName: string): InspectedFile {
  const name = cleanName(rawName);
  if (bytes.length === 0) throw new AppError(400, `${name} is empty`, "invalid_file", "file");
  const image = detectImage(bytes);
  if (image) {
    const mb = maxImageBytes() / (1024 * 1024);
    if (bytes.length > maxImageBytes()) throw new AppError(413, `${name} is larger than ${mb} MiB, the most an image may be`, "file_too_large", "file");
    const { width, height } = image;
    if (!width || !height || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
      throw new AppError(400, `${name}: an image must be between 1 and ${MAX_IMAGE_SIDE} pixels on each side (this one is ${width ?? "?"} × ${height ?? "?"})`, "invalid_file", "file");
    }
    return { kind: "image", mimeType: image.mimeType, name, width, height };
  }
  if (looksLikeImage(bytes)) throw new AppError(415, `${name} is an image we cannot read: send ${ACCEPTED_DESCRIPTION}`, "unsupported_file", "file");
  if (bytes.length > MAX_TEXT_FILE_BYTES) throw new AppError(413, `${name} is larger than 1 MiB, the most a text file may be`, "file_too_large", "file");
  if (decodeText(bytes) === null) {
    throw new AppError(415, `${name} is neither an image nor UTF-8 text: send ${ACCEPTED_DESCRIPTION}`, "unsupported_file", "file");
  }
  return { kind: "text", mimeType: "text/plain", name, width: null, height: null };
}

/** The text of a text attachment; null when the bytes are not UTF-8 text (or hold NUL bytes, as binaries do). */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}

function detectImage(bytes: Uint8Array): { mimeType: string; width: number | undefined; height: number | undefined } | null {
  try {
    const result = imageSize(bytes);
    const mimeType = result.type ? IMAGE_TYPES[result.type] : undefined;
    if (!mimeType) return null;
    return { mimeType, width: result.width, height: result.height };
  } catch {
    // Not one of the formats image-size knows, or a header it cannot read.
    return null;
  }
}

/** Signatures of image formats: a broken or unsupported image is refused as such, not read as text. */
function looksLikeImage(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return (
    (bytes[0] === 0x89 && ascii(1, 4) === "PNG") ||
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    ascii(0, 4) === "GIF8" ||
    (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") ||
    ascii(0, 4) === "<svg" ||
    ascii(4, 12).startsWith("ftyp")
  );
}

function cleanName(raw: string): string {
  // Only the last path segment, no control characters: it is shown and sent to models as a label.
  // eslint-disable-next-line no-control-regex
  const base = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (base || "file").slice(0, MAX_NAME_LENGTH);
}
