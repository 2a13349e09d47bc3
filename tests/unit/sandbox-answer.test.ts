// Answer generation: deterministic, shaped by the prompt and by each model's character.
import { describe, expect, it } from "vitest";
import { generateAnswer } from "../../lib/providers/sandbox/answer";
import { parseDirectives, stripDirectives } from "../../lib/providers/sandbox/directives";
import { SANDBOX_MODELS, findSandboxModel } from "../../lib/providers/sandbox/models";
import { countTokens, toTokenPieces } from "../../lib/providers/sandbox/tokens";

const model = (id: string) => findSandboxModel(id)!;
const ask = (content: string) => [{ role: "user" as const, content }];

describe("sandbox models", () => {
  it("offers at least six distinct models with exact picodollar prices", () => {
    expect(SANDBOX_MODELS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SANDBOX_MODELS.map((m) => m.id)).size).toBe(SANDBOX_MODELS.length);
    for (const m of SANDBOX_MODELS) {
      expect(typeof m.pricePromptPico).toBe("bigint");
      expect(m.free).toBe(m.pricePromptPico === 0n && m.priceCompletionPico === 0n);
    }
    expect(model("swift-mini").pricePromptPico).toBe(150_000n);
    expect(SANDBOX_MODELS.filter((m) => m.supportsTools).map((m) => m.id)).toEqual(expect.arrayContaining(["coder-pro", "nimbus-tools"]));
  });
});

describe("generateAnswer", () => {
  it("gives the same text for the same model, prompt and seed", () => {
    const a = generateAnswer(model("atlas-large"), ask("Explain binary search"), 7);
    const b = generateAnswer(model("atlas-large"), ask("Explain binary search"), 7);
    expect(a).toEqual(b);
  });

  it("changes the text when the seed, the prompt or the model changes", () => {
    const base = generateAnswer(model("nimbus-tools"), ask("Explain binary search"), 1).content;
    expect(generateAnswer(model("nimbus-tools"), ask("Explain binary search"), 2).content).not.toBe(base);
    expect(generateAnswer(model("nimbus-tools"), ask("Explain hash tables"), 1).content).not.toBe(base);
    expect(generateAnswer(model("swift-mini"), ask("Explain binary search"), 1).content).not.toBe(base);
  });

  it("writes about the prompt's key words, with markdown structure", () => {
    const { content } = generateAnswer(model("atlas-large"), ask("Explain binary search trees"), 0);
    expect(content.toLowerCase()).toContain("binary search");
    expect(content).toMatch(/^(\d+\.|-) \*\*/m);
    expect(content).toMatch(/^\| Aspect \|/m);
    expect(content).toMatch(/```(typescript|python)\n[\s\S]+\n```/);
  });

  it("answers code questions with a fenced block in the language asked for", () => {
    const { content } = generateAnswer(model("coder-pro"), ask("Write a python function to parse dates"), 0);
    expect(content).toContain("```python\n");
  });

  it("matches each model's verbosity: terse models are short, verbose ones long", () => {
    const terse = countTokens(generateAnswer(model("swift-mini"), ask("Explain recursion"), 0).content);
    const verbose = countTokens(generateAnswer(model("atlas-large"), ask("Explain recursion"), 0).content);
    expect(terse).toBeLessThan(150);
    expect(verbose).toBeGreaterThan(300);
  });

  it("gives reasoning only for reasoning models", () => {
    expect(generateAnswer(model("sage-reasoner"), ask("Why is the sky blue?"), 0).reasoning).toMatch(/sky blue/);
    expect(generateAnswer(model("swift-mini"), ask("Why is the sky blue?"), 0).reasoning).toBe("");
  });

  it("ignores directives when deriving the answer", () => {
    const plain = generateAnswer(model("swift-mini"), ask("Explain caching"), 0);
    const directed = generateAnswer(model("swift-mini"), ask("Explain caching [[sandbox:slow]]"), 0);
    expect(directed).toEqual(plain);
  });
});

describe("directives", () => {
  it("parses every documented directive and strips them from the text", () => {
    const text = "Hi [[sandbox:status=429]] [[sandbox:drop-after=3]] [[sandbox:error-after=4]] [[sandbox:no-usage]] [[sandbox:slow]] [[sandbox:tokens=12]] there";
    expect(parseDirectives(text)).toEqual({ status: 429, dropAfter: 3, errorAfter: 4, noUsage: true, slow: true, tokens: 12 });
    expect(stripDirectives(text)).toBe("Hi there");
  });
});

describe("toTokenPieces", () => {
  it("splits text into one-token pieces that rebuild it exactly, multi-byte characters included", () => {
    const text = "Crème brûlée 🍮 and `code` — done.";
    const pieces = toTokenPieces(text);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.reduce((s, p) => s + p.tokens, 0)).toBe(countTokens(text));
  });
});

describe("answer length", () => {
  it("writes more when asked for an essay and less when asked to be brief", () => {
    const length = (prompt: string) => countTokens(generateAnswer(model("nimbus-tools"), ask(prompt), 0).content);
    expect(length("Write a long essay about rivers")).toBeGreaterThan(length("Write about rivers") * 2);
    expect(length("Write briefly about rivers")).toBeLessThan(length("Write about rivers"));
  });
});
