// Small real images made in memory (fast-png, jpeg-js), for tests of the attachment path.
import { encode as encodePng } from "fast-png";
import jpeg from "jpeg-js";

/** A PNG of one colour; `width` × `height` pixels. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set([r, g, b], i * 3);
  return encodePng({ width, height, data, channels: 3, depth: 8 });
}

export function solidJpeg(width: number, height: number, [r, g, b]: [number, number, number]): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([r, g, b, 255], i * 4);
  return new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
}
