// Builds the public snapshot from the owner's conversation. Pure: it copies field by field
// into a new shape (never spreads a row) so nothing private can ride along.
import type { ConversationDto, MessageDto } from "../chat/api-types";
import type { ColumnStats } from "../streaming/events";
import type { ModelDescription } from "../router/describe-model";
import { SNAPSHOT_VERSION, type SharedAnswer, type SharedAttachment, type SharedFusion, type SharedSnapshot, type SharedStats } from "./snapshot-types";

export interface SnapshotOptions {
  includeSystemPrompts: boolean;
  includeStats: boolean;
  includeAttachments?: boolean;
}

export function buildSnapshot(
  conversation: ConversationDto,
  options: SnapshotOptions,
  describeModel: (modelId: string) => ModelDescription,
  now: Date,
): SharedSnapshot {
  const columnIndex = new Map(conversation.columns.map((c, i) => [c.id, i]));
  const prompts = new Map<number, string>();
  const files = new Map<number, SharedAttachment[]>();
  const answers = new Map<number, (SharedAnswer | null)[]>();
  const fusions = new Map<number, SharedFusion>();
  for (const message of conversation.messages) {
    if (message.role === "user") {
      prompts.set(message.turn, message.content);
      if (options.includeAttachments && message.attachments?.length) {
        files.set(message.turn, message.attachments.map((a) => ({ id: a.id, kind: a.kind, mimeType: a.mimeType, name: a.name, sizeBytes: a.sizeBytes, width: a.width, height: a.height })));
      }
      continue;
    }
    if (message.role === "fusion") {
      if (message.modelId) fusions.set(message.turn, { ...describedAs(describeModel(message.modelId), message.modelId), ...toSharedAnswer(message, options.includeStats) });
      continue;
    }
    const index = message.columnId === null ? undefined : columnIndex.get(message.columnId);
    if (index === undefined) continue;
    const row = answers.get(message.turn) ?? conversation.columns.map(() => null);
    row[index] = toSharedAnswer(message, options.includeStats);
    answers.set(message.turn, row);
  }

  const turns = [...prompts.keys()]
    .sort((a, b) => a - b)
    .map((turn) => ({
      prompt: prompts.get(turn)!,
      ...(files.has(turn) ? { attachments: files.get(turn) } : {}),
      answers: answers.get(turn) ?? conversation.columns.map(() => null),
      ...(fusions.has(turn) ? { fusion: fusions.get(turn) } : {}),
    }));

  const snapshot: SharedSnapshot = {
    version: SNAPSHOT_VERSION,
    title: conversation.title,
    sharedAt: now.toISOString(),
    includeSystemPrompts: options.includeSystemPrompts,
    includeStats: options.includeStats,
    includeAttachments: options.includeAttachments ?? false,
    columns: conversation.columns.map((c) => ({
      ...describedAs(describeModel(c.modelId), c.modelId),
      temperature: c.temperature,
      maxTokens: c.maxTokens,
      topP: c.topP ?? null,
      stop: c.stop ?? null,
      reasoningEffort: c.reasoningEffort ?? null,
      ...(options.includeSystemPrompts ? { systemPrompt: c.systemPrompt } : {}),
    })),
    turns,
  };
  if (options.includeStats) {
    const total = turns.flatMap((t) => [...t.answers, t.fusion]).reduce((sum, a) => sum + BigInt(a?.stats?.costPico ?? "0"), 0n);
    snapshot.totalCostPico = total.toString();
  }
  return snapshot;
}

/** How the page names a model: copied field by field from its description. */
function describedAs(label: ModelDescription, modelId: string) {
  return { modelId, name: label.name, providerLabel: label.providerLabel, simulated: label.simulated };
}

function toSharedAnswer(message: MessageDto, includeStats: boolean): SharedAnswer {
  // An answer still streaming when shared is frozen as it stood: stopped.
  const status = message.status === "streaming" ? "stopped" : message.status;
  const answer: SharedAnswer = { content: message.content, reasoning: message.reasoning, status };
  if (includeStats && message.stats) answer.stats = toSharedStats(message.stats, status);
  return answer;
}

function toSharedStats(stats: ColumnStats, status: SharedAnswer["status"]): SharedStats {
  return {
    status,
    finishReason: stats.finishReason,
    error: null,
    provider: stats.provider,
    modelId: stats.modelId,
    promptTokens: stats.promptTokens,
    completionTokens: stats.completionTokens,
    reasoningTokens: stats.reasoningTokens,
    cachedTokens: stats.cachedTokens,
    usageEstimated: stats.usageEstimated,
    costPico: stats.costPico,
    ttftMs: stats.ttftMs,
    totalMs: stats.totalMs,
  };
}
