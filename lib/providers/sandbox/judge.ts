// The sandbox as a judge, and the one deterministic quality difference it can see: asked to
// judge (the arena's judge prompt, lib/votes/judge-prompt.ts, a format any real model can follow),
// it checks each answer's arithmetic against the question's and names the one that got it right
// ("[[2]]"), or calls it even ("[[tie]]") when all or none did. Echo Free, the free model, slips
// on arithmetic (off by one), so a judge can tell it from the others offline.
import { evaluateExpression, findExpression } from "./arithmetic";

/** Models whose arithmetic is wrong: the deliberate weakness a judge can pick up. */
const SLOPPY_ARITHMETIC = new Set(["echo-free"]);

export function arithmeticResult(modelId: string, prompt: string): { expression: string; value: number } | undefined {
  const expression = findExpression(prompt);
  const value = expression === undefined ? undefined : evaluateExpression(expression);
  if (expression === undefined || value === undefined) return undefined;
  return { expression, value: SLOPPY_ARITHMETIC.has(modelId) ? value + 1 : value };
}

const ANSWER_MARK = /^\[Answer (\d+)\]$/gm;

/** The verdict a judge prompt gets, or undefined when the prompt is not one. */
export function judgeVerdict(prompt: string): string | undefined {
  if (!prompt.includes("[[tie]]") || !/^\[Answer 1\]$/m.test(prompt)) return undefined;
  const question = /\[Question\]\n([\s\S]*?)\n\[Answer 1\]/.exec(prompt)?.[1] ?? "";
  const marks = [...prompt.matchAll(ANSWER_MARK)];
  const answers = marks.map((m, k) => prompt.slice(m.index! + m[0].length, k + 1 < marks.length ? marks[k + 1].index : prompt.indexOf("[End of answers]")));
  const expression = findExpression(question);
  const value = expression === undefined ? undefined : evaluateExpression(expression);
  if (value === undefined) return "The answers are equally good. [[tie]]";
  const right = answers.map((a, k) => ({ k: k + 1, ok: new RegExp(`=\\s*${String(value).replace(".", "\\.")}(?![\\d.])`).test(a) })).filter((a) => a.ok);
  if (right.length === 1) return `Only answer ${right[0].k} computes ${expression} = ${value} correctly. [[${right[0].k}]]`;
  return `The answers are equally good on the arithmetic. [[tie]]`;
}
