"use client";
// The snapshot drawn by the chatroom's own columns (same names, stats footers, sanitised
// markdown), read-only: no settings, no stop or regenerate.
import { useMemo } from "react";
import { ColumnsArea } from "@/components/chat/columns-area";
import type { MessageDto, ModelOption } from "@/lib/chat/api-types";
import { answerKey, type ChatView } from "@/lib/chat/client/chat-view";
import type { SharedSnapshot } from "@/lib/share/snapshot-types";

const noop = () => {};

export function toChatView(snapshot: SharedSnapshot): ChatView {
  const columns = snapshot.columns.map((c, index) => ({
    key: `shared-${index}`,
    columnId: `shared-${index}`,
    index,
    settings: { modelId: c.modelId, temperature: c.temperature, maxTokens: c.maxTokens, systemPrompt: c.systemPrompt ?? null },
  }));
  const answers = new Map<string, MessageDto>();
  snapshot.turns.forEach((turn, t) =>
    turn.answers.forEach((answer, i) => {
      if (!answer) return;
      answers.set(answerKey(columns[i].key, t), {
        id: `shared-${t}-${i}`,
        columnId: columns[i].columnId,
        turn: t,
        role: "assistant",
        content: answer.content,
        reasoning: answer.reasoning,
        status: answer.status,
        stats: answer.stats ?? null,
        createdAt: snapshot.sharedAt,
      });
    }),
  );
  return { columns, turns: snapshot.turns.map((turn, t) => ({ turn: t, prompt: turn.prompt, id: null })), answers, fusions: new Map() };
}

function toModelOptions(snapshot: SharedSnapshot): Map<string, ModelOption> {
  return new Map(
    snapshot.columns.map((c) => [
      c.modelId,
      {
        id: c.modelId,
        name: c.name,
        provider: c.modelId.split("/")[0] ?? "",
        providerLabel: c.providerLabel,
        simulated: c.simulated,
        promptPricePerMillion: null,
        completionPricePerMillion: null,
        contextLength: null,
        maxOutputTokens: null,
        free: false,
      },
    ]),
  );
}

export function SharedColumns({ snapshot }: { snapshot: SharedSnapshot }) {
  const view = useMemo(() => toChatView(snapshot), [snapshot]);
  const byId = useMemo(() => toModelOptions(snapshot), [snapshot]);
  return <ColumnsArea view={view} byId={byId} canRegenerate={false} onStop={noop} onRegenerate={noop} onSettingsChange={noop} readOnly />;
}
