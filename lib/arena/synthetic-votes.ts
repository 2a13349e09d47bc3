// Votes drawn from known strengths: what the tests check the fit recovers, what the benchmark
// times, and demo data for an empty leaderboard. Two-column blind human votes; outcomes follow
// P(A wins) = σ((score_A − score_B) / ELO_PER_NAT + γ·x), x = A's length advantage.
import { ELO_PER_NAT } from "./fit-bradley-terry";
import { SeededRandom } from "./random";
import type { Vote } from "./vote-schema";

export interface SyntheticModel {
  model: string;
  /** True score on the Elo-like scale. */
  score: number;
  /** Typical answer length in characters; each answer varies around it (log-normal, sd 0.35). */
  typicalChars: number;
  /** Cost of one answer in picodollars. */
  costPico?: bigint;
}

export interface SyntheticOptions {
  models: readonly SyntheticModel[];
  votes: number;
  seed: number;
  /** How much voters prefer the longer answer: γ in nats per unit of x. Default 0. */
  lengthBias?: number;
  /** Share of votes that are ties, independent of the pair. Default 0. */
  tieRate?: number;
}

export function generateSyntheticVotes(options: SyntheticOptions): Vote[] {
  const random = new SeededRandom(options.seed);
  const { models } = options;
  const votes: Vote[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let v = 0; v < options.votes; v++) {
    const a = random.index(models.length);
    let b = random.index(models.length - 1);
    if (b >= a) b++;
    const lengthA = Math.max(1, Math.round(models[a].typicalChars * Math.exp(0.35 * normal(random))));
    const lengthB = Math.max(1, Math.round(models[b].typicalChars * Math.exp(0.35 * normal(random))));
    const x = (lengthA - lengthB) / (lengthA + lengthB);
    const logit = (models[a].score - models[b].score) / ELO_PER_NAT + (options.lengthBias ?? 0) * x;
    const tie = random.next() < (options.tieRate ?? 0);
    const aWins = random.next() < 1 / (1 + Math.exp(-logit));
    votes.push({
      id: `vote-${v}`,
      conversationId: `conversation-${v >> 2}`,
      turn: v & 3,
      userId: `user-${v % 7}`,
      kind: "human",
      judgeModel: null,
      blind: true,
      deanonymised: false,
      columns: [column(models[a], lengthA), column(models[b], lengthB)],
      outcome: tie ? { kind: "tie" } : { kind: "best", column: aWins ? 0 : 1 },
      categories: [],
      autoCategory: null,
      createdAt: new Date(start + v * 60_000),
    });
  }
  return votes;
}

function column(model: SyntheticModel, answerChars: number): Vote["columns"][number] {
  return { model: model.model, provider: "sandbox", answerChars, completionTokens: Math.round(answerChars / 4), costPico: model.costPico ?? null, ttftMs: null, tokensPerSecond: null };
}

/** Box–Muller: one standard normal from two uniforms. */
function normal(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
