// What the soak checks once the dust settles, from the ledger and what the clients recorded:
// one row per call, none left open, recorded tokens against delivered ones, no limit passed
// by more than one request's worst case.
import type { PrismaClient } from "@prisma/client";
import { countTokens } from "../../lib/ledger/count-tokens";
import type { CallRecord } from "./soak-clients";

export interface SoakLimit {
  /** A key id, or a user id for a monthly budget. */
  id: string;
  kind: "key" | "budget";
  limitPico: bigint;
  /** The most one request of the soak can reserve. */
  worstCasePico: bigint;
}

export interface TokenGap {
  /** Recorded completion tokens minus the tokens the client received. */
  gap: number;
  record: CallRecord;
}

export async function checkLedger(db: PrismaClient, calls: CallRecord[], limits: SoakLimit[], chunkTokens: number) {
  const problems: string[] = [];
  const made = calls.filter((c) => c.generationId || c.messageId);
  const rows = await db.generation.findMany();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byMessage = new Map<string, typeof rows>();
  for (const row of rows) if (row.messageId) byMessage.set(row.messageId, [...(byMessage.get(row.messageId) ?? []), row]);

  const matched: { record: CallRecord; row: (typeof rows)[number] }[] = [];
  for (const call of made) {
    const found = call.generationId ? (byId.get(call.generationId) ? [byId.get(call.generationId)!] : []) : (byMessage.get(call.messageId!) ?? []);
    // A refusal before any call (402, 429, 400) has no row; nor may a call cut by a kill (or a
    // client abort) before anything reached the client: it can die before its row is written.
    const rowDue = call.status === 200 && !call.refused && (call.delivered !== "" || (call.ended && !call.cut));
    if (found.length === 0 && !rowDue) continue;
    if (found.length === 0) problems.push(`no ledger row for ${call.kind} ${call.generationId ?? call.messageId}`);
    if (found.length > 1) problems.push(`${found.length} ledger rows for ${call.kind} ${call.generationId ?? call.messageId}`);
    if (found.length === 1) matched.push({ record: call, row: found[0] });
  }
  const open = rows.filter((r) => r.status === "streaming");
  if (open.length) problems.push(`${open.length} ledger rows left open`);

  // Calls the server saw to their end (done, failed or stopped by the client): recorded tokens
  // cover what was delivered, and at most a chunk more. Calls cut by a kill: what the last
  // checkpoint recorded against what was delivered (a second of tokens may be missing).
  const served: TokenGap[] = [];
  const killed: TokenGap[] = [];
  for (const { record, row } of matched) {
    if (record.status !== 200) continue;
    const gap = row.completionTokens - countTokens(record.delivered);
    (record.cut ? killed : served).push({ gap, record });
  }
  const under = served.filter((g) => g.gap < 0);
  const over = served.filter((g) => g.gap > chunkTokens && !g.record.aborted);
  if (under.length) problems.push(`${under.length} calls recorded fewer tokens than they delivered: ${under.slice(0, 5).map((g) => `${g.record.kind} ${g.record.model} ${g.gap}`).join(", ")}`);
  const describe = (g: TokenGap) => `${g.record.kind} ${g.record.model} ${g.record.generationId ?? g.record.messageId} ${g.gap > 0 ? "+" : ""}${g.gap}`;
  if (over.length) problems.push(`${over.length} calls recorded more than a chunk beyond what they delivered: ${over.slice(0, 5).map(describe).join(", ")}`);

  const spending: (SoakLimit & { spentPico: bigint })[] = [];
  for (const limit of limits) {
    const where = limit.kind === "key" ? { apiKeyId: limit.id } : { userId: limit.id };
    const spentPico = (await db.generation.aggregate({ _sum: { costPico: true }, where }))._sum.costPico ?? 0n;
    if (spentPico > limit.limitPico + limit.worstCasePico) problems.push(`${limit.kind} ${limit.id}: spent ${spentPico} of ${limit.limitPico} (worst case ${limit.worstCasePico})`);
    spending.push({ ...limit, spentPico });
  }
  return { problems, rows: rows.length, made: made.length, matched: matched.length, served, killed, limits: spending };
}
