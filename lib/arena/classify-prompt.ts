// The automatic category of a prompt: a few broad kinds, decided by weighted rules, so the
// leaderboard can be cut by what was asked without anyone tagging anything. Rules, not a model:
// it runs on every vote, must be explainable, and must give the same answer tomorrow.

export const PROMPT_CATEGORIES = ["code", "maths", "translation", "writing", "general"] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];

interface Rule {
  category: Exclude<PromptCategory, "general">;
  pattern: RegExp;
  /** 3: nearly decisive on its own ("```", "integral"); 1: a hint that needs company ("python"). */
  weight: number;
}

const LANGUAGES =
  "french|spanish|german|italian|portuguese|dutch|russian|chinese|mandarin|japanese|korean|arabic|hindi|turkish|polish|swedish|greek|hebrew|english|latin|ukrainian|vietnamese|indonesian";

const RULES: readonly Rule[] = [
  // Code: fences, source-looking lines, and the verbs people use about programs.
  { category: "code", pattern: /```|^\s{0,8}(?:def|class|import|from \S+ import|function|const|let|var|public|private|#include|fn|func|package|SELECT|INSERT|CREATE TABLE)\b/im, weight: 3 },
  { category: "code", pattern: /\b(?:write|implement|fix|debug|refactor|optimi[sz]e|review)\b[^.?!\n]{0,40}\b(?:function|method|class|script|program|code|query|regex|endpoint|component|unit tests?|algorithm)\b/i, weight: 3 },
  { category: "code", pattern: /\b(?:stack ?trace|traceback|segfault|null pointer|compiler?|compile error|syntax error|runtime error|exception|TypeError|undefined is not|npm|pip install|git (?:rebase|merge|commit)|dockerfile|kubernetes|api endpoint)\b/i, weight: 3 },
  { category: "code", pattern: /\b(?:python|javascript|typescript|java|c\+\+|c#|rust|golang|kotlin|swift ?ui|ruby|php|bash|shell script|sql|html|css|react|node\.?js|django|pandas|numpy)\b/i, weight: 1 },
  { category: "code", pattern: /=>|[;{}]\s*$|\w+\([^()]*\)\s*[;{]|\b\w+\.\w+\(/m, weight: 1 },
  // Maths: arithmetic on numbers ("-" and "/" only spaced, so dates are not sums), notation, and the
  // vocabulary of exercises.
  { category: "maths", pattern: /\d\s*(?:[+*^×÷=]|\*\*)\s*\(?\d|\d\s+[-/]\s+\(?\d|\b\d+\s*%\s*of\b|\\frac|\\int|\\sum|\$[^$\n]+\$|√|∫|∑|π/, weight: 3 },
  { category: "maths", pattern: /\b(?:integral|integrate|derivative|differentiate|equation|solve for|theorem|prove that|proof|probability|eigen\w*|matrix|matrices|polynomial|logarithm|factori[sz]e|prime numbers?|algebra|geometry|calculus|trigonometr\w*|arithmetic|quadratic|expected value|standard deviation|variance)\b/i, weight: 3 },
  { category: "maths", pattern: /\b(?:calculate|compute|how much is|what is the (?:sum|product|square root|average|mean)|percent(?:age)?|fraction|divided by|multiplied by|times)\b/i, weight: 1 },
  // Translation: the verb, or "how do you say … in <language>".
  { category: "translation", pattern: /\btranslat(?:e|ion|ing)\b/i, weight: 3 },
  { category: "translation", pattern: new RegExp(`\\b(?:how do (?:you|i) say|what(?:'s| is) the (?:word|phrase) for)\\b[^?\\n]{0,80}\\bin (?:${LANGUAGES})\\b`, "i"), weight: 3 },
  { category: "translation", pattern: new RegExp(`\\b(?:in|into|to) (?:${LANGUAGES})\\b`, "i"), weight: 1 },
  // Writing: composing or reworking prose for someone.
  { category: "writing", pattern: /\b(?:write|draft|compose|pen)\b[^.?!\n]{0,40}\b(?:poem|haiku|sonnet|limerick|story|short story|essay|email|e-mail|letter|cover letter|speech|toast|blog post|article|song|lyrics|tweet|post|slogan|tagline|bio|review|script for|screenplay|dialogue|eulogy|joke|press release|newsletter|product description)\b/i, weight: 3 },
  { category: "writing", pattern: /\b(?:rewrite|rephrase|paraphrase|proofread|copy-?edit|polish|make (?:it|this) (?:sound|more|less)|improve the (?:wording|tone|flow)|tone of|more formal|more casual|fix (?:the )?grammar)\b/i, weight: 3 },
  { category: "writing", pattern: /\b(?:poem|story|essay|novel|chapter|character|plot|narrative|rhyme|stanza|prose)\b/i, weight: 1 },
];

/** When two categories score the same, the more specific wins (code before maths before …). */
const PRIORITY: readonly PromptCategory[] = ["code", "maths", "translation", "writing"];

/** The category a prompt most looks like, or "general" when no rule fires. */
export function classifyPrompt(prompt: string): PromptCategory {
  const scores = scorePrompt(prompt);
  let best: PromptCategory = "general";
  let bestScore = 0;
  for (const category of PRIORITY) {
    const score = scores[category] ?? 0;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  // A lone weak hint ("python", "times") is not enough to leave "general".
  return bestScore >= 2 ? best : "general";
}

/** Each rule counts once however often it matches, so a long paste of one kind does not drown the ask. */
export function scorePrompt(prompt: string): Partial<Record<PromptCategory, number>> {
  const scores: Partial<Record<PromptCategory, number>> = {};
  for (const rule of RULES) {
    if (rule.pattern.test(prompt)) scores[rule.category] = (scores[rule.category] ?? 0) + rule.weight;
  }
  return scores;
}
