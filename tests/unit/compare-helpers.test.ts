// The comparison view's pure parts: scorecard marks, the turn as a markdown table, word
// diffs (jsdiff), day groups, titles stored whole, search snippets.
import { describe, expect, it } from "vitest";
import type { AnswerDisplay } from "@/lib/chat/client/answer-display";
import { groupByDay } from "@/lib/chat/client/day-groups";
import { scoreTurn } from "@/lib/chat/client/scorecard";
import { tableCell, turnMarkdownTable } from "@/lib/chat/client/turn-markdown";
import { gridRowCount, gridRowOf } from "@/lib/chat/client/turn-rows";
import { diffAnswers, sideOf } from "@/lib/chat/client/word-diff";
import { snippetAround } from "@/lib/db/conversation-search";
import { titleFromPrompt } from "@/lib/db/conversations";
import type { ColumnStats } from "@/lib/streaming/events";

function answer(stats: Partial<ColumnStats> | null, overrides: Partial<AnswerDisplay> = {}): AnswerDisplay {
  const full: ColumnStats | null = stats && {
    status: "done",
    finishReason: "stop",
    error: null,
    provider: "sandbox",
    modelId: "sandbox/x",
    promptTokens: 10,
    completionTokens: 100,
    reasoningTokens: 0,
    cachedTokens: 0,
    usageEstimated: false,
    costPico: "1000",
    ttftMs: 200,
    totalMs: 2000,
    ...stats,
  };
  return { messageId: "m", status: full?.status ?? "streaming", text: "x", reasoning: "", toolTrace: [], error: null, provider: null, stats: full, liveTtftMs: null, liveUsage: null, importedCostPico: null, ...overrides };
}

describe("scoreTurn", () => {
  it("marks the cheapest, fastest first token and fastest overall among finished answers", () => {
    const score = scoreTurn([
      answer({ costPico: "500", ttftMs: 300, totalMs: 1500 }),
      answer({ costPico: "900", ttftMs: 100, totalMs: 3000 }),
      answer({ costPico: "100", ttftMs: 50, totalMs: 500, status: "stopped" }),
      undefined,
    ]);
    expect(score.marks).toEqual([["cheapest", "fastest-overall"], ["fastest-first-token"], [], []]);
    expect(score.figures[3]).toBeNull();
    expect(score.figures[0]).toMatchObject({ costPico: 500n, ttftMs: 300, totalMs: 1500, outputTokens: 100, generationMs: 1200 });
  });

  it("marks every tied winner, and nothing when all are equal or only one finished", () => {
    expect(scoreTurn([answer({ costPico: "0" }), answer({ costPico: "0" }), answer({ costPico: "7" })]).marks.map((m) => m.includes("cheapest"))).toEqual([true, true, false]);
    expect(scoreTurn([answer({}), answer({})]).marks).toEqual([[], []]);
    expect(scoreTurn([answer({}), answer(null)]).marks).toEqual([[], []]);
  });

  it("compares imported answers by what they cost where they were made", () => {
    const score = scoreTurn([answer({ costPico: "0" }, { importedCostPico: "9000" }), answer({ costPico: "1000" })]);
    expect(score.figures[0]).toMatchObject({ costPico: 9000n, costImported: true });
    expect(score.marks).toEqual([[], ["cheapest"]]);
  });
});

describe("turnMarkdownTable", () => {
  it("puts one model per row, its answer on one line with pipes escaped, and its figures", () => {
    const score = scoreTurn([answer({ costPico: "4200000000", ttftMs: 150, totalMs: 1200, completionTokens: 42 }), answer(null)]);
    const md = turnMarkdownTable("Compare | things\nplease", [
      { model: "Swift Mini", text: "| a | b |\n|---|---|\nline two", status: "done", figures: score.figures[0] },
      { model: "Atlas", text: null, status: null, figures: null },
    ]);
    expect(md.split("\n")).toEqual([
      "**Prompt:** Compare \\| things<br>please",
      "",
      "| Model | Answer | Cost | Time to first token | Total time | Speed | Output tokens |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| Swift Mini | \\| a \\| b \\|<br>\\|---\\|---\\|<br>line two | $0.0042 | 150 ms | 1.2 s | 40 tok/s | 42 |",
      "| Atlas | _no answer_ | – | – | – | – | – |",
    ]);
    expect(tableCell("a\\b")).toBe("a\\\\b");
  });
});

describe("diffAnswers", () => {
  it("finds the words only in one answer or the other, whitespace changes aside", () => {
    const diff = diffAnswers("The quick brown fox jumps", "The quick  red fox leaps high");
    expect(diff.complete).toBe(true);
    expect(diff.parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["brown", "jumps"]);
    expect(diff.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["red", "leaps high"]);
    expect(diff).toMatchObject({ removedWords: 2, addedWords: 3 });
    expect(sideOf(diff, "left").map((p) => p.text).join("")).toBe("The quick brown fox jumps");
    expect(sideOf(diff, "right").some((p) => p.kind === "removed")).toBe(false);
  });
});

describe("grid rows", () => {
  it("gives every turn its prompt, answer, score and spare row under the header", () => {
    expect([gridRowOf(0, "prompt"), gridRowOf(0, "answer"), gridRowOf(0, "score"), gridRowOf(0, "extra"), gridRowOf(1, "prompt")]).toEqual([2, 3, 4, 5, 6]);
    expect(gridRowCount(0)).toBe(2);
    expect(gridRowCount(3)).toBe(13);
  });
});

describe("groupByDay", () => {
  it("labels today, yesterday and older days, keeping the order", () => {
    const now = new Date("2026-03-10T15:00:00Z");
    const items = ["2026-03-10T09:00:00Z", "2026-03-10T01:00:00Z", "2026-03-09T20:00:00Z", "2026-03-02T08:00:00Z", "2025-12-31T08:00:00Z"];
    const groups = groupByDay(items, (s) => new Date(s), now, "UTC");
    expect(groups.map((g) => [g.label, g.items.length])).toEqual([
      ["Today", 2],
      ["Yesterday", 1],
      ["Mon 2 Mar", 1],
      ["Wed 31 Dec 2025", 1],
    ]);
    // The day follows the viewer's zone: 01:00 UTC is still the 9th in New York.
    expect(groupByDay(items.slice(0, 2), (s) => new Date(s), now, "America/New_York").map((g) => g.label)).toEqual(["Today", "Yesterday"]);
  });
});

describe("titles and snippets", () => {
  it("stores a long prompt whole up to 200 characters, cut at a word, never with an ellipsis", () => {
    const long = `${"word ".repeat(60)}end`;
    const title = titleFromPrompt(long);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).not.toContain("…");
    expect(title.endsWith("word")).toBe(true);
    expect(titleFromPrompt("Short one [[sandbox:slow]]")).toBe("Short one");
    expect(titleFromPrompt("   ")).toBe("New comparison");
  });

  it("cuts a snippet around the first match, ignoring case", () => {
    const text = `${"a ".repeat(80)}The Lighthouse keeper ${"b ".repeat(80)}`;
    const snippet = snippetAround(text, "lighthouse")!;
    expect(snippet).toMatch(/^….*The Lighthouse keeper.*…$/);
    expect(snippet.length).toBeLessThan(150);
    expect(snippetAround("nothing here", "zebra")).toBeUndefined();
  });
});
