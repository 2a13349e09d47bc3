import { describe, expect, it } from "vitest";
import { safeUrl } from "@/lib/chat/client/safe-url";
import { splitMarkdownBlocks } from "@/lib/chat/client/split-markdown";

describe("splitMarkdownBlocks", () => {
  it("splits paragraphs at blank lines", () => {
    expect(splitMarkdownBlocks("One.\n\nTwo\nstill two.\n\n\nThree")).toEqual(["One.", "Two\nstill two.", "Three"]);
  });

  it("keeps a fenced code block with blank lines whole", () => {
    const code = "```python\ndef f():\n\n    return 1\n```";
    expect(splitMarkdownBlocks(`Intro\n\n${code}\n\nAfter`)).toEqual(["Intro", code, "After"]);
  });

  it("keeps an unfinished fence open to the end (still streaming)", () => {
    expect(splitMarkdownBlocks("Text\n\n```js\nconst a = 1;\n\nconst b")).toEqual(["Text", "```js\nconst a = 1;\n\nconst b"]);
  });

  it("does not cut an indented list continuation away from its item", () => {
    expect(splitMarkdownBlocks("1. Item\n\n    more about it\n\nNext")).toEqual(["1. Item\n\n    more about it", "Next"]);
  });

  it("joins back to the same text, blank lines aside", () => {
    const text = "# Title\n\nPara\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y";
    expect(splitMarkdownBlocks(text).join("\n\n")).toBe(text);
  });
});

describe("safeUrl", () => {
  it("keeps web and mail links", () => {
    expect(safeUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
    expect(safeUrl(" http://example.com ")).toBe("http://example.com");
    expect(safeUrl("mailto:someone@example.com")).toBe("mailto:someone@example.com");
  });

  it("drops scripts, data, files and app-relative links", () => {
    expect(safeUrl("javascript:alert(1)")).toBe("");
    expect(safeUrl("JAVASCRIPT:alert(1)")).toBe("");
    expect(safeUrl("data:text/html,<script>alert(1)</script>")).toBe("");
    expect(safeUrl("file:///etc/passwd")).toBe("");
    expect(safeUrl("/api/conversations")).toBe("");
  });
});
