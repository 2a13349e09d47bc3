import { encode } from "gpt-tokenizer";
import { beforeEach, describe, expect, it } from "vitest";
import { countRequestTokens, countTokens } from "@/lib/ledger/count-tokens";
import { peekProcessSingleton, resetProcessSingletons } from "@/lib/process-singleton";

const paragraph = (seed: number) =>
  `Turn ${seed}: the quarterly report shows revenue grew ${seed % 17}% while costs fell.\n\n| region | revenue |\n| --- | ---: |\n| EMEA | ${seed * 3} |\n\n\`\`\`ts\nconst total = rows.reduce((sum, row) => sum + row.revenue, ${seed});\n\`\`\`\n`.repeat(8);

describe("countTokens (long texts are remembered)", () => {
  beforeEach(() => resetProcessSingletons("token-counts"));

  it("counts a long text as the tokenizer does, the first time and when it comes again", () => {
    const text = paragraph(1);
    expect(text.length).toBeGreaterThan(1_000);
    const exact = encode(text).length;
    expect(countTokens(text)).toBe(exact);
    // The same text again, as a new string (a resent history is parsed afresh each request).
    expect(countTokens(` ${text}`.slice(1))).toBe(exact);
  });

  it("remembers long texts only, within its bound", () => {
    const remembered = () => peekProcessSingleton<Map<string, number>>("token-counts");
    countTokens("a short question");
    expect(remembered()?.size ?? 0).toBe(0);
    const text = paragraph(2);
    countTokens(text);
    expect(remembered()?.get(text)).toBe(encode(text).length);
    countTokens("word ".repeat(900_000));
    expect(remembered()?.size).toBe(1);
  });

  it("keeps texts of the same length apart", () => {
    const a = "a ".repeat(1_000);
    const b = "ab".repeat(1_000);
    expect(a.length).toBe(b.length);
    expect(countTokens(a)).toBe(encode(a).length);
    expect(countTokens(b)).toBe(encode(b).length);
    expect(countTokens(a)).not.toBe(countTokens(b));
  });

  it("counts short texts, empty text and texts too long to keep", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(encode("hello world").length);
    const huge = "word ".repeat(900_000); // 4.5 million characters: more than the cache holds
    expect(countTokens(huge)).toBe(encode(huge).length);
    expect(countTokens(huge)).toBe(encode(huge).length);
  });

  it("counts a growing conversation the same as counting every message afresh", () => {
    const messages: { role: string; content: string }[] = [];
    for (let turn = 0; turn < 12; turn++) {
      messages.push({ role: "user", content: paragraph(turn) }, { role: "assistant", content: paragraph(turn + 100) });
      const fresh = 3 + messages.reduce((sum, m) => sum + 3 + encode(m.role).length + encode(m.content).length, 0);
      expect(countRequestTokens({ messages })).toBe(fresh);
    }
  });
});
