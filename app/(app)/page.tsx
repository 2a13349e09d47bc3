import type { Metadata } from "next";
import { ChatRoom } from "@/components/chat/chat-room";
import { presetColumnSchema, presetSlugSchema } from "@/lib/presets/preset-schema";

export const metadata: Metadata = { title: "New comparison" };

type Search = { models?: string | string[]; columns?: string | string[]; set?: string | string[]; name?: string | string[] };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * `/?models=a,b` (from the Models page) opens a comparison with those models already picked;
 * `&columns=<JSON>` adds each column's settings (a link to a model set); `/?set=<slug>` opens
 * a saved model set; `&name=` names the set the link carries.
 */
export default async function NewComparisonPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { models, columns, set, name } = await searchParams;
  const initialModels = (Array.isArray(models) ? models.join(",") : (models ?? ""))
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  const initialColumns = parseColumns(one(columns));
  const slug = presetSlugSchema.safeParse(one(set));
  const key = [initialModels.join(","), one(columns), one(set)].join("|");
  return <ChatRoom key={key} conversationId={null} initialModels={initialModels} initialColumns={initialColumns} initialSet={slug.success ? slug.data : undefined} setName={one(name).slice(0, 100) || undefined} />;
}

/** A link's column settings; anything malformed is ignored (the models alone still open). */
function parseColumns(text: string) {
  if (!text) return undefined;
  try {
    const parsed = presetColumnSchema.array().max(8).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
