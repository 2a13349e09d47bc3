// Browser-side calls to the evaluation-set routes.
import { requestJson } from "@/lib/chat/client/api";
import type { EvalResultRow } from "../eval-results";
import type { EvalRunDto, EvalSetDto } from "../eval-store";

export type { EvalResultRow, EvalRunDto, EvalSetDto };

export const evalKeys = {
  sets: ["eval-sets"] as const,
  run: (id: string) => ["eval-run", id] as const,
};

export async function fetchEvalSets(): Promise<EvalSetDto[]> {
  return (await requestJson<{ sets: EvalSetDto[] }>("/api/eval-sets")).sets;
}

export async function createEvalSet(name: string, prompts: string[]): Promise<EvalSetDto> {
  return (await requestJson<{ set: EvalSetDto }>("/api/eval-sets", { method: "POST", json: { name, prompts } })).set;
}

export async function deleteEvalSet(id: string): Promise<void> {
  await requestJson(`/api/eval-sets/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function estimateEvalSet(id: string, models: string[], maxTokens?: number): Promise<{ totalPico: string; perPrompt: string[] }> {
  return requestJson(`/api/eval-sets/${encodeURIComponent(id)}/estimate`, { method: "POST", json: { models, ...(maxTokens ? { maxTokens } : {}) } });
}

export async function startEvalRun(id: string, body: { models: string[]; costCapUsd: string; maxTokens?: number }): Promise<EvalRunDto> {
  return (await requestJson<{ run: EvalRunDto }>(`/api/eval-sets/${encodeURIComponent(id)}/runs`, { method: "POST", json: body })).run;
}

export async function fetchEvalRun(id: string): Promise<{ run: EvalRunDto; results: EvalResultRow[] }> {
  return requestJson(`/api/eval-runs/${encodeURIComponent(id)}`);
}
