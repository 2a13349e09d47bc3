// Request bodies and queries of the vote routes.
import { z } from "zod";
import { voteOutcomeSchema } from "../arena/vote-schema";

const categoriesSchema = z.array(z.string().trim().min(1).max(40)).max(20);

export const castVoteSchema = z
  .object({
    conversationId: z.string().min(1).max(100),
    turn: z.number().int().nonnegative().max(100_000),
    outcome: voteOutcomeSchema,
    categories: categoriesSchema.optional(),
    /** On a hidden blind comparison: false keeps the models hidden for more turns (default: the vote reveals them). */
    reveal: z.boolean().optional(),
  })
  .strict();

export const revealSchema = z.object({ conversationId: z.string().min(1).max(100) }).strict();

export const editVoteSchema = z.object({ outcome: voteOutcomeSchema.optional(), categories: categoriesSchema.optional() }).strict();

export const listVotesSchema = z.object({
  scope: z.enum(["mine", "team"]).default("mine"),
  kind: z.enum(["human", "judge", "all"]).default("all"),
  conversationId: z.string().min(1).max(100).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

export type CastVote = z.infer<typeof castVoteSchema>;
export type EditVote = z.infer<typeof editVoteSchema>;
