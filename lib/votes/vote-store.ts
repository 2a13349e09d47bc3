// Votes in the database: cast (or change) one per voter and turn, list, edit, delete — every
// query scoped to its owner (admins may read the team's). The stored row is the arena's Vote
// shape (lib/arena/vote-schema.ts) with JSON columns; `toVote` parses it back through voteSchema.
import type { Vote as VoteRow } from "@prisma/client";
import { classifyPrompt } from "../arena/classify-prompt";
import { voteSchema, type Vote, type VoteColumn, type VoteOutcome } from "../arena/vote-schema";
import { getDb } from "../db/client";
import { HIDDEN_BLIND } from "../db/hidden-blind";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import { identityDetector } from "./identity-detector";
import { serialiseColumns, voteColumnOf } from "./vote-columns";
import type { EditVote } from "./vote-schemas";

export interface TurnForVote {
  conversationId: string;
  turn: number;
  blind: boolean;
  revealed: boolean;
  prompt: string;
  columns: VoteColumn[];
  deanonymised: boolean;
}

/** The owner's turn as a vote would record it; 404 when it is not theirs, 409 while it streams. */
export async function loadTurnForVote(userId: string, conversationId: string, turn: number): Promise<TurnForVote> {
  const conversation = await getDb().conversation.findFirst({
    where: { id: conversationId, userId },
    include: { columns: { orderBy: { position: "asc" } }, messages: { where: { turn } } },
  });
  if (!conversation) throw new AppError(404, "Conversation not found");
  const prompt = conversation.messages.find((m) => m.role === "user");
  if (!prompt) throw new AppError(404, `Turn ${turn} not found`, "not_found", "turn");
  const answers = conversation.columns.map((column) => conversation.messages.find((m) => m.columnId === column.id && m.role === "assistant"));
  if (answers.some((a) => a?.status === "streaming")) throw new AppError(409, "Wait for every answer to finish before voting", "conflict", "turn");
  if (answers.length < 2) throw new AppError(400, "A vote needs at least two answers", "invalid_request", "turn");
  const detector = identityDetector();
  return {
    conversationId,
    turn,
    blind: conversation.blind,
    revealed: conversation.revealedAt !== null,
    prompt: prompt.content,
    columns: conversation.columns.map((column, i) => {
      const answer = answers[i];
      return answer ? voteColumnOf(answer, column.modelId) : voteColumnOf({ modelId: column.modelId, provider: null, content: "", completionTokens: 0, costPico: 0n, ttftMs: null, totalMs: null, status: "error" }, column.modelId);
    }),
    deanonymised: conversation.blind && answers.some((a) => a !== undefined && detector.namesItself(a.content)),
  };
}

export interface CastInput {
  outcome: VoteOutcome;
  categories?: string[];
  kind?: "human" | "judge";
  judgeModel?: string | null;
  judgeCostPico?: bigint;
  /** A human vote on a hidden blind comparison reveals its models unless this is false (several blind turns). */
  reveal?: boolean;
}

/** One vote per voter and turn: casting again replaces the outcome (and keeps when it was first cast blind). */
export async function castVote(userId: string, turn: TurnForVote, input: CastInput): Promise<Vote> {
  const db = getDb();
  const kind = input.kind ?? "human";
  const voter = kind === "human" ? "human" : `judge:${input.judgeModel}`;
  const existing = await db.vote.findUnique({ where: { conversationId_turn_voter: { conversationId: turn.conversationId, turn: turn.turn, voter } } });
  // Blind when the models were still hidden as the vote was first cast (a judge never sees them).
  const blind = existing ? existing.blind : kind === "judge" ? turn.blind : turn.blind && !turn.revealed;
  const vote = validateBody(
    {
      id: existing?.id ?? "pending",
      conversationId: turn.conversationId,
      turn: turn.turn,
      userId,
      kind,
      judgeModel: input.judgeModel ?? null,
      blind,
      deanonymised: turn.deanonymised,
      columns: turn.columns,
      outcome: input.outcome,
      categories: input.categories ?? (existing ? parseJson<string[]>(existing.categories, []) : []),
      autoCategory: classifyPrompt(turn.prompt),
      createdAt: existing?.createdAt ?? new Date(),
    },
    voteSchema,
  );
  const data = {
    kind,
    judgeModel: vote.judgeModel,
    blind: vote.blind,
    deanonymised: vote.deanonymised,
    columns: serialiseColumns(vote.columns),
    outcome: JSON.stringify(vote.outcome),
    categories: JSON.stringify(vote.categories),
    autoCategory: vote.autoCategory,
    judgeCostPico: input.judgeCostPico ?? 0n,
  };
  const row = await db.vote.upsert({
    where: { conversationId_turn_voter: { conversationId: turn.conversationId, turn: turn.turn, voter } },
    create: { ...data, userId, conversationId: turn.conversationId, turn: turn.turn, voter },
    update: data,
  });
  // A human vote on a blind comparison reveals its models (every turn), unless the voter keeps
  // going blind: then the reveal waits for a later vote or revealComparison (blind-votes.ts).
  if (kind === "human" && turn.blind && !turn.revealed && input.reveal !== false) await markRevealed(userId, turn.conversationId);
  return toVote(row);
}

/**
 * Ends a blind comparison's secrecy: true when this call revealed it. Its votes are touched, so
 * the leaderboard's stamp changes and the votes held back while hidden start to count.
 */
export async function markRevealed(userId: string, conversationId: string): Promise<boolean> {
  const db = getDb();
  const { count } = await db.conversation.updateMany({ where: { id: conversationId, userId, ...HIDDEN_BLIND }, data: { revealedAt: new Date() } });
  if (count > 0) await db.vote.updateMany({ where: { conversationId }, data: { updatedAt: new Date() } });
  return count > 0;
}

export async function editVote(userId: string, id: string, change: EditVote): Promise<Vote> {
  const row = await getDb().vote.findFirst({ where: { id, userId } });
  if (!row) throw new AppError(404, "Vote not found");
  const turn = await loadTurnForVote(userId, row.conversationId, row.turn).catch(() => null);
  const current = toVote(row);
  const base: TurnForVote = turn ?? { conversationId: row.conversationId, turn: row.turn, blind: row.blind, revealed: true, prompt: "", columns: current.columns, deanonymised: row.deanonymised };
  // The recorded answers stay as they were when the vote was cast: only the verdict and tags change.
  return castVote(userId, { ...base, columns: current.columns, deanonymised: row.deanonymised }, {
    outcome: change.outcome ?? current.outcome,
    categories: change.categories ?? current.categories,
    kind: current.kind,
    judgeModel: current.judgeModel,
    judgeCostPico: row.judgeCostPico,
    // Changing a verdict (on the votes page) is not the reveal.
    reveal: false,
  });
}

export async function deleteVote(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().vote.deleteMany({ where: { id, userId } });
  return count > 0;
}

export interface VoteQuery {
  /** null: every user's (admins only; the route checks). */
  userId: string | null;
  kind?: "human" | "judge";
  conversationId?: string;
  /** Leave out votes on blind comparisons not revealed yet (the leaderboard: a model's score moving would give it away). */
  revealedOnly?: boolean;
}

export async function listVoteRows(query: VoteQuery): Promise<VoteRow[]> {
  return getDb().vote.findMany({
    where: {
      ...(query.userId ? { userId: query.userId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.conversationId ? { conversationId: query.conversationId } : {}),
      ...(query.revealedOnly ? { conversation: { NOT: HIDDEN_BLIND } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

export function toVote(row: VoteRow): Vote {
  return voteSchema.parse({
    id: row.id,
    conversationId: row.conversationId,
    turn: row.turn,
    userId: row.userId,
    kind: row.kind,
    judgeModel: row.judgeModel,
    blind: row.blind,
    deanonymised: row.deanonymised,
    columns: JSON.parse(row.columns),
    outcome: JSON.parse(row.outcome),
    categories: parseJson<string[]>(row.categories, []),
    autoCategory: row.autoCategory,
    createdAt: row.createdAt,
  });
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
