// Redaction of everything that tells models apart, for a blind comparison before its vote: model
// ids become "blind/model-a" …, providers go, and the figures that identify a model (cost, time
// to first token, speed, token counts) are zeroed and marked hidden. The page receives nothing
// else, so neither its DOM nor its network responses can give the models away.
import type { ConversationDto, MessageDto } from "../chat/api-types";
import type { ChatEvent, ColumnStats } from "../streaming/events";
import { blindModelId } from "../chat/blind-labels";

export function hiddenStats(stats: ColumnStats, position: number, models: readonly string[]): ColumnStats {
  return {
    status: stats.status,
    finishReason: stats.finishReason,
    error: stats.error === null ? null : scrubNames(stats.error, models),
    provider: null,
    modelId: blindModelId(position),
    promptTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
    cachedTokens: 0,
    usageEstimated: false,
    costPico: "0",
    ttftMs: null,
    totalMs: 0,
    hidden: true,
  };
}

/** Error texts can quote the model or provider ("sandbox/swift-mini: …"). */
function scrubNames(text: string, models: readonly string[]): string {
  let out = text;
  for (const [i, model] of models.entries()) {
    out = out.split(model).join(blindModelId(i));
    const [provider, ...rest] = model.split("/");
    if (rest.length) out = out.split(rest.join("/")).join(blindModelId(i));
    if (provider) out = out.split(provider).join("provider");
  }
  return out;
}

export function redactConversation(conversation: ConversationDto, models: readonly string[]): ConversationDto {
  const positionOf = new Map(conversation.columns.map((c) => [c.id, c.position]));
  return {
    ...conversation,
    costPico: "0",
    blind: { hidden: true },
    columns: conversation.columns.map((c) => ({ ...c, modelId: blindModelId(c.position) })),
    messages: conversation.messages.map((m): MessageDto => {
      if (m.role !== "assistant") return m;
      const position = positionOf.get(m.columnId ?? "") ?? 0;
      // An answer names the model that gave it (a swapped column's earlier answers keep theirs).
      const modelId = m.modelId ? blindModelId(position) : m.modelId;
      return { ...m, modelId, stats: m.stats ? hiddenStats(m.stats, position, models) : m.stats };
    }),
  };
}

/** Wraps a turn's event sink: `positions` maps each column id to its position. */
export function redactEvents(emit: (event: ChatEvent) => void, positions: ReadonlyMap<string, number>, models: readonly string[]): (event: ChatEvent) => void {
  return (event) => {
    switch (event.type) {
      case "provider":
      case "usage":
        return;
      case "column-start":
        return emit({ ...event, modelId: blindModelId(positions.get(event.columnId) ?? 0) });
      case "column-end":
        return emit({ ...event, stats: hiddenStats(event.stats, positions.get(event.columnId) ?? 0, models) });
      case "column-error":
        return emit({ ...event, error: hiddenStats({ ...event.stats, error: event.error }, 0, models).error ?? "", stats: hiddenStats(event.stats, positions.get(event.columnId) ?? 0, models) });
      default:
        return emit(event);
    }
  };
}
