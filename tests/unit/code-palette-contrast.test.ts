// The code highlighting colours (components/chat/markdown.css) against the code block's
// background, light and dark: every token colour meets WCAG AA (4.5:1) for normal text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = fs.readFileSync(path.join(__dirname, "../../components/chat/markdown.css"), "utf8");
// The code block backgrounds: Tailwind's zinc-50 (light) and zinc-900 (dark), see code-block.tsx.
const BACKGROUNDS = { light: "#fafafa", dark: "#18181b" };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const rules = [...css.matchAll(/^([^{}\n]*\.hljs[^{}\n]*)\{\s*color:\s*(#[0-9a-f]{6});/gim)].map(([, selector, color]) => ({ selector: selector.trim(), color }));

describe("code highlighting palette", () => {
  it("has token colours for both themes", () => {
    expect(rules.filter((r) => r.selector.startsWith(".dark")).length).toBeGreaterThan(5);
    expect(rules.filter((r) => !r.selector.startsWith(".dark")).length).toBeGreaterThan(5);
  });

  it.each(rules.map((r) => [r.selector, r.color] as const))("%s (%s) reaches 4.5:1", (selector, color) => {
    const background = selector.startsWith(".dark") ? BACKGROUNDS.dark : BACKGROUNDS.light;
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
  });
});
