// Before sending: what this turn can cost per column. Input tokens are counted with the
// tokenizer over the column's real history; output is bounded by max tokens.
import type { z } from "zod";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { computeCostPico } from "../ledger/compute-cost";
import { countPromptTokens } from "../ledger/estimate-usage";
import { ModelNotFoundError, resolveCandidates } from "../router/resolve-model";
import { buildColumnHistory } from "./history";
import { countable, type WireMessage } from "../providers/quirks/message-rules";
import type { estimateRequestSchema } from "./schemas";

/** Without a max tokens setting, the bound is the model's max output, else this. */
const DEFAULT_OUTPUT_BOUND = 4096;

export async function estimateTurn(userId: string, body: z.infer<typeof estimateRequestSchema>) {
  const conversation = body.conversationId
    ? await getDb().conversation.findFirst({
        where: { id: body.conversationId, userId },
        include: { columns: { orderBy: { position: "asc" } }, messages: { select: { role: true, columnId: true, turn: true, content: true, toolTrace: true } } },
      })
    : null;
  // Someone else's (or a deleted) conversation is not silently priced as a new one.
  if (body.conversationId && !conversation) throw new AppError(404, "Conversation not found", "not_found", "conversationId");
  const nextTurn = conversation ? Math.max(-1, ...conversation.messages.map((m) => m.turn)) + 1 : 0;
  const columns = body.columns.map((settings, i) => {
    const column = conversation?.columns[i];
    const system = settings.systemPrompt?.trim() ? settings.systemPrompt : null;
    const history = column ? buildColumnHistory(conversation!.messages, column.id, nextTurn, system) : system ? [{ role: "system", content: system }] : [];
    const promptTokens = countPromptTokens(countable([...(history as WireMessage[]), { role: "user", content: body.prompt }]));
    const maxCompletionTokens = settings.maxTokens ?? DEFAULT_OUTPUT_BOUND;
    let price = { prompt: 0n, completion: 0n };
    try {
      price = resolveCandidates(settings.modelId)[0].price;
    } catch (error) {
      if (!(error instanceof ModelNotFoundError)) throw error;
    }
    const zero = { promptTokens, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0 };
    const minCost = computeCostPico(zero, price);
    const maxCost = computeCostPico({ ...zero, completionTokens: maxCompletionTokens }, price);
    return { modelId: settings.modelId, promptTokens, maxCompletionTokens, minCostPico: minCost.toString(), maxCostPico: maxCost.toString() };
  });
  const totalMaxCostPico = columns.reduce((sum, c) => sum + BigInt(c.maxCostPico), 0n).toString();
  return { columns, totalMaxCostPico };
}
