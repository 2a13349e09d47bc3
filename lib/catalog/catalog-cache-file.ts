// The last good refreshed lists on disk, so a restart prices with them instead of falling back to the snapshot.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ProviderModelList } from "./refresh-types";

const FORMAT = 1;

const endpointSchema = z.object({
  provider: z.string(),
  upstreamId: z.string(),
  prompt: z.string(),
  completion: z.string(),
  cachedPrompt: z.string().optional(),
  cacheWrite: z.string().optional(),
  reasoning: z.string().optional(),
  contextLength: z.number(),
  maxOutputTokens: z.number().nullable(),
  free: z.boolean(),
});

const modelSchema = z.object({
  id: z.string(),
  name: z.string(),
  contextLength: z.number(),
  maxOutputTokens: z.number().nullable(),
  capabilities: z.object({ tools: z.boolean(), streaming: z.boolean(), systemRole: z.boolean(), vision: z.boolean(), reasoning: z.boolean() }),
  supportedParameters: z.array(z.string()),
  free: z.boolean(),
  endpoints: z.array(endpointSchema),
});

const cacheSchema = z.object({
  format: z.literal(FORMAT),
  savedAt: z.string(),
  lists: z.array(z.object({ provider: z.string(), fetchedAt: z.string(), ids: z.array(z.string()), models: z.array(modelSchema).nullable() })),
});

/** The cached lists, or [] when there is no file or it cannot be trusted (then the snapshot alone is used). */
export function readCatalogCache(file: string | null): ProviderModelList[] {
  if (!file || !fs.existsSync(file)) return [];
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data.lists;
    console.warn(`[catalog] ignoring ${file}: ${parsed.error.issues[0]?.message ?? "unexpected shape"}`);
  } catch (error) {
    console.warn(`[catalog] ignoring ${file}:`, error instanceof Error ? error.message : error);
  }
  return [];
}

/** Writes to a temporary file and renames it, so a crash mid-write never leaves half a catalog behind. */
export async function writeCatalogCache(file: string | null, lists: ProviderModelList[]): Promise<void> {
  if (!file) return;
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(temp, JSON.stringify({ format: FORMAT, savedAt: new Date().toISOString(), lists }));
  await fs.promises.rename(temp, file);
}
