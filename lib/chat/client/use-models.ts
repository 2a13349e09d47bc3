"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ModelOption } from "@/lib/chat/api-types";
import { isBlindModelId, labelOfBlindModelId } from "@/lib/chat/blind-labels";
import { fetchModels, queryKeys } from "./api";

export interface ModelsState {
  models: ModelOption[];
  byId: ReadonlyMap<string, ModelOption>;
  isPending: boolean;
  error: Error | null;
}

export function useModels(): ModelsState {
  const query = useQuery({ queryKey: queryKeys.models, queryFn: fetchModels, staleTime: 60_000 });
  const models = useMemo(() => query.data ?? [], [query.data]);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  return { models, byId, isPending: query.isPending, error: query.error };
}

/** A model the catalog no longer lists (provider key removed) still shows by its id. */
export function modelLabel(
  byId: ReadonlyMap<string, ModelOption>,
  modelId: string,
  known?: { name: string; providerLabel: string; simulated: boolean },
): { name: string; providerLabel: string; simulated: boolean } {
  if (isBlindModelId(modelId)) return { name: labelOfBlindModelId(modelId), providerLabel: "hidden", simulated: false };
  const model = byId.get(modelId);
  if (model) return model;
  if (known) return known;
  const provider = modelId.split("/")[0] ?? "";
  return { name: modelId.slice(provider.length + 1) || modelId, providerLabel: provider, simulated: provider === "sandbox" };
}

/** Sandbox names end in "(simulated)"; where a "simulated" badge sits beside the name, drop the echo. */
export function visibleName(name: string, simulated: boolean): string {
  return simulated ? name.replace(/\s*\(simulated\)\s*$/i, "") || name : name;
}
