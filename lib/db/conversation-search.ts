// Finds the owner's conversations whose title, prompts or answers contain the words asked
// for, newest first, with a snippet of where the words were found.
import type { ConversationSummaryDto } from "../dto/conversation";
import { getDb, getDialect } from "./client";
import { listConversations } from "./conversations";

const MAX_RESULTS = 50;
const SNIPPET_RADIUS = 60;

/** The text around the first match, on one line, with "…" where it was cut. */
export function snippetAround(text: string, query: string): string | undefined {
  const flat = text.replace(/\s+/g, " ");
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return undefined;
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(flat.length, at + query.length + SNIPPET_RADIUS);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end).trim()}${end < flat.length ? "…" : ""}`;
}

export async function searchConversations(userId: string, query: string): Promise<ConversationSummaryDto[]> {
  const q = query.trim();
  if (!q) return listConversations(userId);
  const db = getDb();
  // Case-insensitive on both: SQLite's LIKE (what `contains` becomes) ignores ASCII case;
  // Postgres's LIKE does not, so it is asked for ILIKE (a mode the SQLite client has no type for).
  const contains = { contains: q, ...(getDialect() === "postgres" ? { mode: "insensitive" } : {}) } as { contains: string };
  const matches = await db.conversation.findMany({
    where: { userId, OR: [{ title: contains }, { messages: { some: { content: contains } } }] },
    orderBy: { updatedAt: "desc" },
    take: MAX_RESULTS,
    select: { id: true },
  });
  const ids = matches.map((m) => m.id);
  if (ids.length === 0) return [];
  const hits = await db.message.findMany({
    where: { conversationId: { in: ids }, content: contains },
    orderBy: [{ turn: "asc" }, { createdAt: "asc" }],
    select: { conversationId: true, content: true },
    take: 500,
  });
  const snippetOf = new Map<string, string>();
  for (const hit of hits) {
    if (snippetOf.has(hit.conversationId)) continue;
    const snippet = snippetAround(hit.content, q);
    if (snippet) snippetOf.set(hit.conversationId, snippet);
  }
  const summaries = await listConversations(userId, ids);
  return summaries.map((s) => (snippetOf.has(s.id) ? { ...s, snippet: snippetOf.get(s.id) } : s));
}
