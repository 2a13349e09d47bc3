// What the simulated vision model "sees": for each image of the prompt, its size and its
// dominant colour — simple facts a test can predict. Sizes come from `image-size` (headers of
// PNG, JPEG, WebP, GIF); pixels from pure-JS decoders (`fast-png`, `jpeg-js`: no native
// binaries, nothing downloaded), so the offline path is exercised end to end. WebP and GIF
// pixels are not decoded: their colour is reported as unknown.
import { decode as decodePng, convertIndexedToRgb } from "fast-png";
import { imageSize } from "image-size";
import jpeg from "jpeg-js";
import type { SandboxMessage } from "./request-schema";

export interface ImageFacts {
  width: number;
  height: number;
  format: string;
  /** The nearest named colour to most pixels and their mean, or null when not decoded. */
  colour: { name: string; hex: string } | null;
}

type Part = { type: string; image_url?: { url?: string } | string };

/** Image URLs in one message, in order. */
export function imageUrlsOf(message: SandboxMessage): string[] {
  if (!Array.isArray(message.content)) return [];
  return (message.content as Part[]).flatMap((part) => {
    if (part.type !== "image_url") return [];
    const url = typeof part.image_url === "string" ? part.image_url : part.image_url?.url;
    return url ? [url] : [];
  });
}

export function countImages(messages: readonly SandboxMessage[]): number {
  return messages.reduce((n, m) => n + imageUrlsOf(m).length, 0);
}

/** Bytes of a base64 data URL; null for a remote URL (the offline sandbox fetches nothing). */
function dataUrlBytes(url: string): Uint8Array | null {
  const match = /^data:image\/[a-z+.-]+;base64,(.*)$/is.exec(url);
  return match ? Buffer.from(match[1], "base64") : null;
}

export function imageFacts(url: string, withColour: boolean): ImageFacts | null {
  const bytes = dataUrlBytes(url);
  if (!bytes) return null;
  try {
    const { width, height, type } = imageSize(bytes);
    if (!width || !height || !type) return null;
    return { width, height, format: type === "jpg" ? "JPEG" : type.toUpperCase(), colour: withColour ? dominantColour(bytes, type) : null };
  } catch {
    return null;
  }
}

/** OpenAI's high-detail rule: fit in 2048², shortest side to 768, 170 tokens per 512² tile plus 85. */
export function imagePromptTokens(url: string): number {
  const facts = imageFacts(url, false);
  if (!facts) return 85;
  let { width, height } = facts;
  const fit = Math.min(1, 2048 / Math.max(width, height));
  width *= fit;
  height *= fit;
  const shrink = Math.min(1, 768 / Math.min(width, height));
  return 85 + 170 * Math.ceil((width * shrink) / 512) * Math.ceil((height * shrink) / 512);
}

/** The vision model's opening lines about the images of the last prompt. */
export function describeImages(urls: readonly string[]): string {
  const lines = urls.map((url, i) => {
    const facts = imageFacts(url, true);
    const label = urls.length > 1 ? `Image ${i + 1}` : "The image";
    if (!facts) return `${label}: I cannot open it (only inline images are read offline).`;
    const colour = facts.colour ? `mostly ${facts.colour.name} (${facts.colour.hex})` : "colour not decoded";
    return `${label}: ${facts.format}, ${facts.width} × ${facts.height} pixels, ${colour}.`;
  });
  return `${lines.join("\n")}\n\n`;
}

const PALETTE: [string, number, number, number][] = [
  ["black", 0, 0, 0], ["white", 255, 255, 255], ["grey", 128, 128, 128], ["red", 220, 30, 30],
  ["orange", 245, 140, 20], ["yellow", 240, 220, 40], ["green", 40, 170, 60], ["teal", 20, 150, 150],
  ["blue", 40, 80, 220], ["purple", 130, 50, 180], ["pink", 240, 120, 180], ["brown", 120, 70, 30],
];

function dominantColour(bytes: Uint8Array, type: string): ImageFacts["colour"] {
  const pixels = decodePixels(bytes, type);
  if (!pixels) return null;
  const { data, channels } = pixels;
  const count = data.length / channels;
  // At most ~40,000 pixels are looked at: enough for a dominant colour.
  const step = Math.max(1, Math.floor(count / 40_000));
  const votes = PALETTE.map(() => ({ n: 0, r: 0, g: 0, b: 0 }));
  for (let i = 0; i < count; i += step) {
    const o = i * channels;
    const [r, g, b] = channels >= 3 ? [data[o], data[o + 1], data[o + 2]] : [data[o], data[o], data[o]];
    if (channels === 4 && data[o + 3] < 128) continue;
    let best = 0;
    let bestDistance = Infinity;
    PALETTE.forEach(([, pr, pg, pb], k) => {
      const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
      if (d < bestDistance) [best, bestDistance] = [k, d];
    });
    Object.assign(votes[best], { n: votes[best].n + 1, r: votes[best].r + r, g: votes[best].g + g, b: votes[best].b + b });
  }
  const winner = votes.reduce((a, v, k) => (v.n > votes[a].n ? k : a), 0);
  const v = votes[winner];
  if (v.n === 0) return null;
  const hex = `#${[v.r, v.g, v.b].map((sum) => Math.round(sum / v.n).toString(16).padStart(2, "0")).join("")}`;
  return { name: PALETTE[winner][0], hex };
}

function decodePixels(bytes: Uint8Array, type: string): { data: ArrayLike<number>; channels: number } | null {
  try {
    if (type === "png") {
      const png = decodePng(bytes);
      if (png.palette) return { data: convertIndexedToRgb(png), channels: png.palette[0]?.length ?? 3 };
      if (png.depth === 16) return { data: Uint8Array.from(png.data, (x) => x >> 8), channels: png.channels };
      return png.depth === 8 ? { data: png.data, channels: png.channels } : null;
    }
    if (type === "jpg") {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 50, maxMemoryUsageInMB: 256 });
      return { data: image.data, channels: 4 };
    }
  } catch {
    // A broken image: its colour stays unknown.
  }
  return null;
}
