// Presets saved in Settings: each user's own, and team presets an admin publishes to everyone.
// Every query carries its owner (or the team flag) in the where-clause. Models are checked
// when saved, so a typo is an error in Settings rather than a 404 on the first call.
import type { Preset } from "@prisma/client";
import { getDb } from "../db/client";
import { newId } from "../db/new-id";
import { AppError } from "../errors";
import { ModelNotFoundError, resolveCandidates } from "../router/resolve-model";
import { presetColumnSchema, presetParametersSchema, type PresetDto, type PresetInput } from "./preset-schema";
import { providerPreferencesSchema } from "../router/provider-preferences-schema";

export interface PresetViewer {
  id: string;
  role: string;
}

const isAdmin = (viewer: PresetViewer) => viewer.role === "admin";

/** The viewer's own presets, then the team's, each by slug. */
export async function listPresets(viewer: PresetViewer): Promise<PresetDto[]> {
  const rows = await getDb().preset.findMany({ where: { OR: [{ userId: viewer.id }, { team: true }] }, orderBy: [{ team: "asc" }, { slug: "asc" }] });
  return rows.map((row) => toDto(row, viewer));
}

/** The preset a call names: the caller's own with that slug, else the team's. */
export async function findPresetForCall(userId: string, slug: string): Promise<PresetDto | null> {
  const rows = await getDb().preset.findMany({ where: { slug, OR: [{ userId }, { team: true }] } });
  const row = rows.find((r) => r.userId === userId && !r.team) ?? rows[0];
  return row ? toDto(row, { id: userId, role: "member" }) : null;
}

/** `input` as the route's zod schema (presetInputSchema) parsed it. */
export async function createPreset(viewer: PresetViewer, input: PresetInput): Promise<PresetDto> {
  assertModelsKnown(input);
  await assertSlugFree(viewer, input, null);
  try {
    const row = await getDb().preset.create({ data: { id: newId(), userId: viewer.id, ...toColumns(input) } });
    return toDto(row, viewer);
  } catch (error) {
    throw conflictOr(error, input.slug);
  }
}

export async function updatePreset(viewer: PresetViewer, id: string, input: PresetInput): Promise<PresetDto> {
  const existing = await editableRow(viewer, id);
  assertModelsKnown(input);
  await assertSlugFree(viewer, input, existing);
  try {
    const row = await getDb().preset.update({ where: { id: existing.id }, data: toColumns(input) });
    return toDto(row, viewer);
  } catch (error) {
    throw conflictOr(error, input.slug);
  }
}

export async function deletePreset(viewer: PresetViewer, id: string): Promise<void> {
  const existing = await editableRow(viewer, id);
  await getDb().preset.deleteMany({ where: { id: existing.id, OR: [{ userId: viewer.id }, { team: true }] } });
}

function assertModelsKnown(input: PresetInput): void {
  const named = [...input.models.map((model, i) => [model, `models.${i}`]), ...(input.columns ?? []).map((c, i) => [c.modelId, `columns.${i}.modelId`])];
  for (const [model, param] of named) {
    try {
      resolveCandidates(model);
    } catch (error) {
      if (error instanceof ModelNotFoundError) throw new AppError(400, `${param}: ${error.message}`, "model_not_found", param);
      throw error;
    }
  }
}

/** Team presets are published and changed by admins; a member edits only their own. */
async function editableRow(viewer: PresetViewer, id: string): Promise<Preset> {
  const row = await getDb().preset.findFirst({ where: { id, OR: [{ userId: viewer.id }, { team: true }] } });
  if (!row) throw new AppError(404, "Preset not found", "not_found", "id");
  if (!canEdit(row, viewer)) throw new AppError(403, "Only an admin can change a team preset", "forbidden");
  return row;
}

async function assertSlugFree(viewer: PresetViewer, input: PresetInput, existing: Preset | null): Promise<void> {
  if (input.team && !isAdmin(viewer)) throw new AppError(403, "Only an admin can publish a team preset", "forbidden", "team");
  if (!input.team) return;
  // Two team presets with one slug would make "@preset/<slug>" ambiguous for everyone.
  const clash = await getDb().preset.findFirst({ where: { team: true, slug: input.slug, NOT: { id: existing?.id ?? "" } } });
  if (clash) throw new AppError(409, `A team preset named "${input.slug}" already exists`, "conflict", "slug");
}

function conflictOr(error: unknown, slug: string): unknown {
  if ((error as { code?: string }).code === "P2002") return new AppError(409, `You already have a preset named "${slug}"`, "conflict", "slug");
  return error;
}

function canEdit(row: Preset, viewer: PresetViewer): boolean {
  return row.team ? isAdmin(viewer) : row.userId === viewer.id;
}

function toColumns(input: PresetInput) {
  return {
    slug: input.slug,
    name: input.name,
    description: input.description ?? "",
    team: input.team ?? false,
    models: JSON.stringify(input.models),
    provider: JSON.stringify(input.provider ?? {}),
    parameters: JSON.stringify(input.parameters ?? {}),
    systemPrompt: input.systemPrompt?.trim() ? input.systemPrompt : null,
    columns: input.columns?.length ? JSON.stringify(input.columns) : null,
  };
}

/** A stored row, its JSON read back through the same schemas (a bad column reads as empty). */
function toDto(row: Preset, viewer: PresetViewer): PresetDto {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: row.team,
    models: readJson(row.models, (v) => (Array.isArray(v) ? v.filter((m): m is string => typeof m === "string") : [])),
    provider: readJson(row.provider, (v) => providerPreferencesSchema.catch({}).parse(v)),
    parameters: readJson(row.parameters, (v) => presetParametersSchema.catch({}).parse(v)),
    systemPrompt: row.systemPrompt,
    columns: row.columns ? readJson(row.columns, (v) => presetColumnSchema.array().nullable().catch(null).parse(v)) : null,
    editable: canEdit(row, viewer),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function readJson<T>(text: string, read: (value: unknown) => T): T {
  try {
    return read(JSON.parse(text));
  } catch {
    return read(null);
  }
}
