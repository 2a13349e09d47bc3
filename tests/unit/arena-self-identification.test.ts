import { describe, expect, it } from "vitest";
import { buildIdentityTerms } from "@/lib/arena/identity-terms";
import { SelfIdentificationDetector } from "@/lib/arena/self-identification";
import { CATALOG_SNAPSHOT } from "@/lib/catalog/snapshot";
import { SANDBOX_MODELS } from "@/lib/providers/sandbox/models";

const terms = buildIdentityTerms([...CATALOG_SNAPSHOT.models, ...SANDBOX_MODELS.map((m) => ({ id: `sandbox/${m.id}`, name: m.name }))]);
const detector = new SelfIdentificationDetector(terms);

describe("identity terms from the catalog", () => {
  const models = terms.models.map((t) => t.term);
  const vendors = terms.vendors.map((t) => t.term);

  it("take each model's name and family, and each maker with its other names", () => {
    expect(models).toEqual(expect.arrayContaining(["GPT-4o", "GPT", "o3", "Gemini 2.5 Flash", "Gemini", "Llama", "Qwen", "DeepSeek", "Kimi", "GLM", "Codestral"]));
    expect(vendors).toEqual(expect.arrayContaining(["OpenAI", "Google", "Google DeepMind", "Meta", "Mistral AI", "Alibaba Cloud", "Zhipu AI"]));
    expect(terms.models.find((t) => t.term === "Gemini")?.vendor).toBe("Google");
    expect(terms.vendors.find((t) => t.term === "Alibaba Cloud")?.vendor).toBe("Qwen");
  });

  it("take a name without a maker prefix whole, never its first word alone", () => {
    expect(models).toContain("Swift Mini");
    expect(models).not.toContain("Swift");
    expect(models).not.toContain("Gemma 4 31B (free)");
  });

  it("add well-known assistants (Claude, ChatGPT) unless asked not to", () => {
    expect(models).toEqual(expect.arrayContaining(["Claude", "ChatGPT"]));
    expect(vendors).toContain("Anthropic");
    const bare = buildIdentityTerms(CATALOG_SNAPSHOT.models, { wellKnown: false });
    expect(bare.models.map((t) => t.term)).not.toContain("Claude");
    expect(new SelfIdentificationDetector(bare).namesItself("As Claude, I think so.")).toBe(false);
  });
});

describe("self-identification", () => {
  it.each([
    ["As Claude, I don't have personal opinions.", "Claude"],
    ["I'm GPT-4o, a model by OpenAI.", "GPT-4o"],
    ["I was made by Google.", "Google"],
    ["I am Llama, created by Meta.", "Llama"],
    ["I'm a large language model, trained by Google.", "Google"],
    ["Hello! I'm ChatGPT. How can I help?", "ChatGPT"],
    ["My name is Gemini.", "Gemini"],
    ["I am Qwen, created by Alibaba Cloud.", "Qwen"],
    ["I'm an AI assistant developed by Mistral AI.", "Mistral AI"],
    ["My creators at OpenAI trained me on public data.", "OpenAI"],
    ["I AM GPT4O!!", "GPT-4o"],
    ["i'm **Claude**, nice to meet you", "Claude"],
    ["I’m Gemini, Google’s assistant.", "Gemini"],
    ["As an AI developed by Google, I cannot browse the web.", "Google"],
    ["I'm DeepSeek-R1.", "DeepSeek"],
    ["I'm Qwen3, your assistant.", "Qwen"],
    ["I am OpenAI's GPT-4o model.", "GPT-4o"],
    ["I'm Google's AI assistant.", "Google"],
    ["As Claude… I think the answer is 4.", "Claude"],
    ["I'm Swift Mini, a simulated model.", "Swift Mini"],
    ["I am GLM-4.7 from Zhipu AI.", "GLM 4.7"],
    ["Sure.\n\nI am o3, and here is the plan:", "o3"],
  ])("flags %j", (text, term) => {
    const found = detector.detect(text);
    expect(found.map((f) => f.term)).toContain(term);
  });

  it.each([
    "Just Google it.",
    "Gemini (the constellation) is visible in winter.",
    "I am going to Google it for you.",
    "Meta-analysis shows a small effect.",
    "I am not sure whether GPT-4o is better than Llama.",
    "The Pixel is made by Google.",
    "As Gemini rises in the east, the sky darkens.",
    "Claude Monet painted water lilies.",
    "I'm a big fan of Llama 3.",
    "I'm using GPT-4o for this comparison.",
    "I am swift to answer.",
    "As Google reported, revenue grew.",
    "The mistral winds blow in Provence; I love them.",
    "I am happy to help with Gemini API questions.",
    "Compare GPT-4o, Claude and Llama: each has strengths.",
  ])("does not flag %j", (text) => {
    expect(detector.detect(text)).toEqual([]);
  });

  it("says what was claimed: model or maker, and whose", () => {
    expect(detector.detect("I'm a language model trained by Google.")).toEqual([
      { kind: "vendor", term: "Google", vendor: "Google", excerpt: "i'm a language model trained by google" },
    ]);
    expect(detector.detect("I am Llama.")[0]).toMatchObject({ kind: "model", term: "Llama", vendor: "Meta" });
  });

  it("works with an empty catalog (nothing to give away)", () => {
    expect(new SelfIdentificationDetector({ models: [], vendors: [] }).namesItself("I'm GPT-4o.")).toBe(false);
  });
});
