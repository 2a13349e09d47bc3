// The simulated vision model's facts: format, size and dominant colour, from real encoded images.
import { describe, expect, it } from "vitest";
import { describeImages, imagePromptTokens } from "@/lib/providers/sandbox/vision";
import { solidJpeg, solidPng } from "../helpers/test-images";

const dataUrl = (bytes: Uint8Array, type: string) => `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;

describe("sandbox vision", () => {
  it("states a PNG's and a JPEG's size and dominant colour", () => {
    const text = describeImages([dataUrl(solidPng(64, 48, [40, 170, 60]), "image/png"), dataUrl(solidJpeg(100, 20, [40, 80, 220]), "image/jpeg")]);
    expect(text).toContain("Image 1: PNG, 64 × 48 pixels, mostly green (#28aa3c).");
    expect(text).toMatch(/Image 2: JPEG, 100 × 20 pixels, mostly blue \(#/);
  });

  it("says when it cannot open an image, and prices images by OpenAI's tile rule", () => {
    expect(describeImages(["https://example.com/cat.png"])).toContain("I cannot open it");
    expect(imagePromptTokens(dataUrl(solidPng(64, 48, [0, 0, 0]), "image/png"))).toBe(255);
    expect(imagePromptTokens(dataUrl(solidPng(2048, 1024, [0, 0, 0]), "image/png"))).toBe(85 + 170 * 6);
  });
});
