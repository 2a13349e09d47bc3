"use client";
// The snapshot drawn by the chatroom's own columns (same names, stats footers, sanitised
// markdown), read-only: no settings, no stop or regenerate.
import { useMemo } from "react";
import { ColumnsArea } from "@/components/chat/columns-area";
import type { MessageDto, ModelOption } from "@/lib/chat/api-types";
import { answerKey, type ChatView } from "@/lib/chat/client/chat-view";
import type { SharedAnswer, SharedSnapshot } from "@/lib/share/snapshot-types";
import { sharedAttachmentUrl } from "@/lib/attachments/attachment-types";

const noop = () => {};

/** `token` locates the prompts' files, when the sharer included them. */
export function toChatView(snapshot: SharedSnapshot, token?: string): ChatView {
  const columns = snapshot.columns.map((c, index) => ({
    key: `shared-${index}`,
    columnId: `shared-${index}`,
    index,
    settings: { modelId: c.modelId, temperature: c.temperature, maxTokens: c.maxTokens, systemPrompt: c.systemPrompt ?? null, topP: c.topP, stop: c.stop, reasoningEffort: c.reasoningEffort },
  }));
  const answers = new Map<string, MessageDto>();
  snapshot.turns.forEach((turn, t) =>
    turn.answers.forEach((answer, i) => {
      if (answer) answers.set(answerKey(columns[i].key, t), sharedMessage(snapshot, answer, t, { id: `shared-${t}-${i}`, columnId: columns[i].columnId, role: "assistant" }));
    }),
  );
  const turns = snapshot.turns.map((turn, t) =>
    token && turn.attachments?.length
      ? { turn: t, prompt: turn.prompt, id: null, attachments: turn.attachments.map((a) => ({ ...a, url: sharedAttachmentUrl(token, a.id) })) }
      : { turn: t, prompt: turn.prompt, id: null },
  );
  const fusions = new Map<number, MessageDto>();
  snapshot.turns.forEach(({ fusion }, t) => {
    if (fusion) fusions.set(t, sharedMessage(snapshot, fusion, t, { id: `shared-${t}-fusion`, columnId: null, role: "fusion", modelId: fusion.modelId }));
  });
  return { columns, turns, answers, fusions };
}

/** A shared answer (a column's or the fused one) as the columns draw a message. */
function sharedMessage(snapshot: SharedSnapshot, answer: SharedAnswer, turn: number, place: Pick<MessageDto, "id" | "columnId" | "role" | "modelId">): MessageDto {
  return { ...place, turn, content: answer.content, reasoning: answer.reasoning, status: answer.status, stats: answer.stats ?? null, createdAt: snapshot.sharedAt };
}

/** The models the page names: the columns', and those that fused a turn's answers. */
function toModelOptions(snapshot: SharedSnapshot): Map<string, ModelOption> {
  const fusers = snapshot.turns.flatMap((t) => (t.fusion ? [t.fusion] : []));
  return new Map(
    [...fusers, ...snapshot.columns].map((c) => [
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

export function SharedColumns({ snapshot, token }: { snapshot: SharedSnapshot; token?: string }) {
  const view = useMemo(() => toChatView(snapshot, token), [snapshot, token]);
  const byId = useMemo(() => toModelOptions(snapshot), [snapshot]);
  return <ColumnsArea view={view} byId={byId} canRegenerate={false} onStop={noop} onRegenerate={noop} onSettingsChange={noop} readOnly />;
}
