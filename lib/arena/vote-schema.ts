// What a vote is, as plain data: the leaderboard reads only this, so votes from the database, an
// export or a test are all the same thing to it.
import { z } from "zod";
import { PROMPT_CATEGORIES } from "./classify-prompt";

/** Picodollars: a bigint, or its decimal string (JSON has no bigint). */
const picoSchema = z.union([z.bigint().nonnegative(), z.string().regex(/^\d{1,30}$/).transform(BigInt)], {
  error: "costPico must be a whole number of picodollars (a bigint or its decimal string)",
});

/** One answer as it stood when the vote was cast. */
export const voteColumnSchema = z.object({
  /** The leaderboard's unit: the model id as the chatroom knows it, e.g. "sandbox/swift-mini". */
  model: z.string().min(1),
  /** The provider that actually served the answer (fallback may differ from the first choice). */
  provider: z.string().min(1).nullable(),
  /** Characters of the visible answer: comparable across models, unlike their tokenizers' counts. */
  answerChars: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative().nullable(),
  costPico: picoSchema.nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  tokensPerSecond: z.number().nonnegative().nullable(),
});

/**
 * "best" names the winning column; with `ranking`, every column's place (1 = best, equal numbers tie).
 * "tie": all equally good. "all-bad": none is acceptable (see expand-vote.ts for how it counts).
 */
export const voteOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("best"), column: z.number().int().nonnegative(), ranking: z.array(z.number().int().positive()).optional() }),
  z.object({ kind: z.literal("tie") }),
  z.object({ kind: z.literal("all-bad") }),
]);

export const voteSchema = z
  .object({
    id: z.string().min(1),
    /** The comparison turn voted on: a conversation and its turn number. */
    conversationId: z.string().min(1),
    turn: z.number().int().nonnegative(),
    userId: z.string().min(1),
    kind: z.enum(["human", "judge"]),
    /** The judging model's id for kind "judge". */
    judgeModel: z.string().min(1).nullable().default(null),
    blind: z.boolean(),
    /** An answer named its own model or maker (self-identification.ts): left out of blind rankings by default. */
    deanonymised: z.boolean().default(false),
    columns: z.array(voteColumnSchema).min(2).max(16),
    outcome: voteOutcomeSchema,
    /** Tags the voter chose (code, writing, …). */
    categories: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    /** The classifier's one tag for the prompt (classify-prompt.ts). */
    autoCategory: z.enum(PROMPT_CATEGORIES).nullable().default(null),
    createdAt: z.coerce.date(),
  })
  .superRefine((vote, ctx) => {
    const n = vote.columns.length;
    if (vote.kind === "judge" && !vote.judgeModel) ctx.addIssue({ code: "custom", path: ["judgeModel"], message: "a judge vote names its judge model" });
    if (vote.outcome.kind !== "best") return;
    const { column, ranking } = vote.outcome;
    if (column >= n) ctx.addIssue({ code: "custom", path: ["outcome", "column"], message: `column ${column} does not exist (the vote has ${n})` });
    if (!ranking) return;
    if (ranking.length !== n) ctx.addIssue({ code: "custom", path: ["outcome", "ranking"], message: `ranking has ${ranking.length} places for ${n} columns` });
    else if (ranking[column] !== 1 || ranking.filter((place) => place === 1).length !== 1)
      ctx.addIssue({ code: "custom", path: ["outcome", "ranking"], message: "the best column must be ranked 1, alone" });
  });

export type VoteColumn = z.output<typeof voteColumnSchema>;
export type VoteOutcome = z.output<typeof voteOutcomeSchema>;
export type Vote = z.output<typeof voteSchema>;
/** What callers may hand in (defaults filled, cost as a string allowed). */
export type VoteInput = z.input<typeof voteSchema>;
