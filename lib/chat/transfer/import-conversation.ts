// An export file becomes a new conversation of the importing user. Its answers are marked
// imported: they made no call here, so they create no ledger rows and cost $0 on this
// instance; what they cost where they were made travels with them.
import { copiedStats, insertConversationCopy, type CopiedAnswer } from "../../db/conversation-copy";
import { enabledToolsOf } from "../../tools/registry";
import type { ConversationExport, ExportedAnswer } from "./export-format";

export function importConversation(userId: string, file: ConversationExport): Promise<string> {
  return insertConversationCopy(userId, {
    title: file.title,
    // Tools this instance does not have are dropped, as a saved conversation's would be.
    enabledTools: enabledToolsOf(file.tools.join(",")),
    columns: file.columns.map(({ name: _name, ...settings }) => settings),
    turns: file.turns.map((turn) => ({
      prompt: turn.prompt,
      answers: turn.answers.map((a) => (a ? copiedAnswer(a) : null)),
      ...(turn.fusion ? { fusion: { ...copiedAnswer(turn.fusion), modelId: turn.fusion.modelId } } : {}),
    })),
  });
}

function copiedAnswer(answer: ExportedAnswer): CopiedAnswer {
  const s = answer.stats;
  return {
    content: answer.content,
    reasoning: answer.reasoning,
    status: answer.status,
    error: answer.error,
    toolTrace: answer.toolTrace,
    importedCostPico: BigInt(s?.costPico ?? "0"),
    stats: s ? copiedStats(s) : undefined,
  };
}
