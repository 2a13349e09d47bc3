// Evaluation sets and their runs in the database, scoped to their owner in every query.
import type { EvalRun, EvalSet } from "@prisma/client";
import { getDb } from "../db/client";
import { AppError } from "../errors";

export interface EvalRunDto {
  id: string;
  setId: string;
  models: string[];
  status: string;
  costCapPico: string;
  estimatePico: string;
  spentPico: string;
  total: number;
  completed: number;
  conversationIds: (string | null)[];
  error: string | null;
  /** Times a restart or another instance took the run up where it stopped. */
  resumes: number;
  /** Running, but no live instance holds it (its server stopped): it goes on when one takes it up. */
  interrupted: boolean;
  createdAt: string;
}

export interface EvalSetDto {
  id: string;
  name: string;
  prompts: string[];
  createdAt: string;
  runs: EvalRunDto[];
}

export function runToDto(run: EvalRun): EvalRunDto {
  return {
    id: run.id,
    setId: run.setId,
    models: JSON.parse(run.models) as string[],
    status: run.status,
    costCapPico: run.costCapPico.toString(),
    estimatePico: run.estimatePico.toString(),
    spentPico: run.spentPico.toString(),
    total: run.total,
    completed: run.completed,
    conversationIds: JSON.parse(run.conversationIds) as (string | null)[],
    error: run.error,
    resumes: run.resumes,
    interrupted: run.status === "running" && (run.leaseUntil === null || run.leaseUntil < new Date()),
    createdAt: run.createdAt.toISOString(),
  };
}

function setToDto(set: EvalSet & { runs: EvalRun[] }): EvalSetDto {
  return { id: set.id, name: set.name, prompts: JSON.parse(set.prompts) as string[], createdAt: set.createdAt.toISOString(), runs: set.runs.map(runToDto) };
}

export async function createEvalSet(userId: string, name: string, prompts: string[]): Promise<EvalSetDto> {
  const set = await getDb().evalSet.create({ data: { userId, name, prompts: JSON.stringify(prompts) }, include: { runs: true } });
  return setToDto(set);
}

export async function listEvalSets(userId: string): Promise<EvalSetDto[]> {
  const sets = await getDb().evalSet.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, include: { runs: { orderBy: { createdAt: "desc" }, take: 5 } } });
  return sets.map(setToDto);
}

export async function getEvalSet(userId: string, id: string): Promise<EvalSetDto> {
  const set = await getDb().evalSet.findFirst({ where: { id, userId }, include: { runs: { orderBy: { createdAt: "desc" } } } });
  if (!set) throw new AppError(404, "Evaluation set not found");
  return setToDto(set);
}

export async function deleteEvalSet(userId: string, id: string): Promise<void> {
  const { count } = await getDb().evalSet.deleteMany({ where: { id, userId } });
  if (count === 0) throw new AppError(404, "Evaluation set not found");
}

export async function getEvalRun(userId: string, id: string): Promise<EvalRun> {
  const run = await getDb().evalRun.findFirst({ where: { id, userId } });
  if (!run) throw new AppError(404, "Evaluation run not found");
  return run;
}
