"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ColumnSettings } from "@/lib/chat/api-types";
import { estimateTurn, queryKeys, type EstimateRequest } from "@/lib/chat/client/api";
import { useDebouncedValue } from "@/lib/chat/client/use-debounced-value";
import { formatTokens } from "@/lib/format/tokens";
import { formatUsd } from "@/lib/format/usd";

interface Props {
  prompt: string;
  conversationId: string | null;
  columns: readonly ColumnSettings[];
  /** A blind comparison: the total only, never per model. */
  totalOnly?: boolean;
  /** Uploads going with the prompt: their images count (1,600 tokens each at most). */
  attachmentIds?: readonly string[];
}

/** "This turn: up to $0.0012 across 3 models", asked of the server as the prompt is typed. */
export function CostEstimate({ prompt, conversationId, columns, totalOnly, attachmentIds }: Props) {
  const attached = attachmentIds?.join(",") ?? "";
  const request = useMemo<EstimateRequest>(
    () => ({ prompt, columns: [...columns], ...(conversationId ? { conversationId } : {}), ...(attached ? { attachments: attached.split(",") } : {}) }),
    [prompt, conversationId, columns, attached],
  );
  const debounced = useDebouncedValue(request, 400);
  const query = useQuery({
    queryKey: queryKeys.estimate(debounced),
    queryFn: ({ signal }) => estimateTurn(debounced, signal),
    enabled: debounced.columns.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });

  if (columns.length === 0) return null;
  if (query.isError) return <p className="text-xs text-zinc-600 dark:text-zinc-400">Cost estimate unavailable</p>;
  if (!query.data) return <p className="text-xs text-zinc-600 dark:text-zinc-400">Estimating cost…</p>;

  const n = query.data.columnCount ?? query.data.columns.length;
  const onlyTotal = totalOnly || query.data.hidden;
  const breakdown = query.data.columns
    .map((c) => `${c.modelId}: ${formatTokens(c.promptTokens)} in + up to ${formatTokens(c.maxCompletionTokens)} out, ${formatUsd(c.minCostPico)}–${formatUsd(c.maxCostPico)}`)
    .join("\n");
  return (
    <p className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400" title={onlyTotal ? undefined : breakdown} aria-live="polite">
      This turn: up to <span className="font-medium text-zinc-700 dark:text-zinc-200">{formatUsd(query.data.totalMaxCostPico)}</span> across {n} {n === 1 ? "model" : "models"}
    </p>
  );
}
