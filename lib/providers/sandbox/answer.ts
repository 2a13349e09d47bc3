// Deterministic, realistic-looking assistant answers derived from the prompt. The same
// model, conversation and seed always give the same text; each model's style and verbosity
// shape what comes out (terse, verbose with tables, code-heavy, reasoning first, ...).
import { arithmeticResult, judgeVerdict } from "./judge";
import { CODE_SAMPLES, languageFromPrompt } from "./code-samples";
import type { SandboxModel } from "./models";
import { CLOSINGS, INTROS, LIST_ITEMS, REASONING, SENTENCES, STEPS, STOPWORDS, TABLE_ROWS } from "./phrases";
import { SeededRandom, hashString } from "./random";
import { messageText, type SandboxMessage } from "./request-schema";
import { stripDirectives } from "./directives";
import { countTokens } from "./tokens";

export interface SandboxAnswer {
  /** Empty for models without reasoning. */
  reasoning: string;
  content: string;
}

interface Context {
  vars: Record<string, string>;
  rng: SeededRandom;
  prompt: string;
  modelId: string;
}

/** `minTokens` lengthens the answer (with more paragraphs) until it has at least that many tokens. */
export function generateAnswer(
  model: SandboxModel,
  messages: readonly SandboxMessage[],
  seed?: number | null,
  options: { minTokens?: number } = {},
): SandboxAnswer {
  const prompt = stripDirectives(lastUserText(messages));
  const verdict = judgeVerdict(prompt);
  if (verdict) return { reasoning: "", content: verdict };
  const conversation = messages.map((m) => `${m.role}:${stripDirectives(messageText(m))}`).join("\n");
  const rng = new SeededRandom(hashString(`${model.id}\n${conversation}`, seed ?? 0));
  const ctx: Context = { vars: variablesFor(prompt), rng, prompt, modelId: model.id };
  const reasoning = model.reasoning ? composeReasoning(ctx, Math.round(model.verbosity / 4)) : "";
  const target = Math.max(Math.round(model.verbosity * lengthFactor(prompt) * (0.85 + 0.3 * rng.next())), options.minTokens ?? 0);
  return { reasoning, content: composeContent(model, ctx, target) };
}

/** Real models write more when asked for an essay and less when asked to be brief. */
function lengthFactor(prompt: string): number {
  if (/\b(long|longer|detailed|in depth|in-depth|essay|thorough|comprehensive|elaborate)\b/i.test(prompt)) return 3;
  if (/\b(brief|briefly|short|shortly|concise|concisely|tl;?dr|one sentence|one line)\b/i.test(prompt)) return 0.5;
  return 1;
}

export function lastUserText(messages: readonly SandboxMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === "user") return messageText(messages[i]);
  return "";
}

/** The prompt's key words, most significant first. */
export function extractKeywords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const [word] of text.matchAll(/[\p{L}][\p{L}\p{N}'_-]*/gu)) {
    const lower = word.toLowerCase().replace(/['_-]+$/, "");
    if (lower.length < 3 || STOPWORDS.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    words.push(lower);
    if (words.length === 4) break;
  }
  return words;
}

function variablesFor(prompt: string): Record<string, string> {
  const words = extractKeywords(prompt);
  const topic = words.length > 0 ? words.slice(0, 3).join(" ") : "this topic";
  const kw = words[0] ?? "the core idea";
  const kw2 = words[1] ?? "the details";
  const nameParts = (words.length > 0 ? words.slice(0, 2) : ["example"]).map((w) => w.replace(/[^a-z0-9]/gi, "") || "item");
  return {
    topic,
    Topic: capitalise(topic),
    kw,
    Kw: capitalise(kw),
    kw2,
    Kw2: capitalise(kw2),
    camel: nameParts[0] + nameParts.slice(1).map(capitalise).join(""),
    snake: nameParts.join("_"),
    Pascal: nameParts.map(capitalise).join(""),
  };
}

function composeContent(model: SandboxModel, ctx: Context, target: number): string {
  const wantsCode = languageFromPrompt(ctx.prompt) !== undefined || /\b(code|function|implement|example|snippet)\b/i.test(ctx.prompt);
  const s = sectionBuilders(ctx);
  // The closing line is added after the length target is met, so it stays last.
  const plans: Record<SandboxModel["style"], { body: (() => string)[]; closes: boolean }> = {
    terse: { body: [s.intro, () => s.paragraph(2), ...(wantsCode ? [s.code] : []), () => s.list(false, 3), s.table], closes: false },
    verbose: { body: [s.heading, s.intro, () => s.paragraph(3), () => s.list(true, 5), s.table, () => s.paragraph(3), s.code, () => s.paragraph(2)], closes: true },
    reasoner: { body: [s.intro, s.steps, () => s.paragraph(2), ...(wantsCode ? [s.code] : []), s.table], closes: true },
    plain: { body: [s.intro, () => s.paragraph(3), () => s.paragraph(3), () => s.list(false, 3)], closes: true },
    code: { body: [() => s.paragraph(1), s.code, () => s.list(false, 3), () => s.paragraph(2), s.table], closes: true },
    balanced: { body: [s.intro, () => s.paragraph(2), () => s.list(false, 4), ...(wantsCode ? [s.code] : []), s.table, () => s.paragraph(2)], closes: true },
  };
  const plan = plans[model.style];
  const parts: string[] = [];
  const arithmetic = arithmeticLine(ctx.modelId, ctx.prompt);
  if (arithmetic) parts.push(arithmetic);
  const length = () => countTokens(parts.join("\n\n"));
  for (const build of plan.body) {
    if (length() >= target) break;
    parts.push(build());
  }
  while (length() < target) parts.push(s.paragraph(3));
  if (plan.closes) parts.push(s.closing());
  return parts.join("\n\n");
}

function sectionBuilders(ctx: Context) {
  const { rng } = ctx;
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, name: string) => ctx.vars[name] ?? whole);
  return {
    heading: () => `## ${ctx.vars.Topic}`,
    intro: () => fill(rng.pick(INTROS)),
    closing: () => fill(rng.pick(CLOSINGS)),
    paragraph: (count: number) => pickDistinct(rng, SENTENCES, count).map(fill).join(" "),
    list: (numbered: boolean, count: number) =>
      pickDistinct(rng, LIST_ITEMS, count)
        .map((item, i) => `${numbered ? `${i + 1}.` : "-"} ${fill(item)}`)
        .join("\n"),
    steps: () =>
      STEPS.slice(0, 3 + rng.int(STEPS.length - 2))
        .map((step, i) => `${i + 1}. ${fill(step)}`)
        .join("\n"),
    table: () => {
      const rows = pickDistinct(rng, TABLE_ROWS, 3 + rng.int(2)).map((cells) => `| ${cells.map(fill).join(" | ")} |`);
      return [`| Aspect | ${ctx.vars.Topic} | Notes |`, "| --- | --- | --- |", ...rows].join("\n");
    },
    code: () => {
      const language = languageFromPrompt(ctx.prompt) ?? rng.pick(["typescript", "python"]);
      const sample = rng.pick(CODE_SAMPLES[language]);
      return `${fill(rng.pick(["For example:", "Here is a small example:", "A minimal implementation:"]))}\n\n\`\`\`${language}\n${fill(sample)}\n\`\`\``;
    },
  };
}

function composeReasoning(ctx: Context, target: number): string {
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, name: string) => ctx.vars[name] ?? whole);
  const [first, ...rest] = REASONING;
  const lines = [first, ...rest.filter(() => ctx.rng.chance(0.7))];
  let text = "";
  for (const line of lines) {
    text = text ? `${text} ${fill(line)}` : fill(line);
    if (countTokens(text) >= target) break;
  }
  return text;
}

function arithmeticLine(modelId: string, prompt: string): string | undefined {
  const result = arithmeticResult(modelId, prompt);
  return result && `**${result.expression} = ${result.value}**`;
}

function pickDistinct<T>(rng: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(rng.int(pool.length), 1)[0]);
  return picked;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
