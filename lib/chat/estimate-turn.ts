// Before sending: what this turn can cost per column — the engine's own worst case over the
// exact request each column would send (its history, the prompt, its tools and settings,
// shaped by the provider's quirks), so the "up to" figure is what a budget or key reserves.
import type { z } from "zod";
import { planCall } from "../calls/plan-call";
import { applyPreset } from "../presets/apply-preset";
import { worstCaseOf } from "../calls/worst-case";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import type { WireMessage } from "../providers/quirks/message-rules";
import { enabledToolsOf } from "../tools/registry";
import { columnTools } from "./column-tools";
import { buildColumnHistory, HISTORY_SELECT } from "./history";
import { MessageTree } from "../db/message-tree";
import type { estimateRequestSchema } from "./schemas";
import { conversationAttachments, pendingAttachments } from "../db/attachments";
import { groupByTurn, promptContent } from "../attachments/prompt-content";
import { acceptsImages } from "../router/accepts-images";

export async function estimateTurn(userId: string, body: z.infer<typeof estimateRequestSchema>) {
  const conversation = body.conversationId
    ? await getDb().conversation.findFirst({
        where: { id: body.conversationId, userId },
        include: { columns: { orderBy: { position: "asc" } }, messages: { select: HISTORY_SELECT } },
      })
    : null;
  // Someone else's (or a deleted) conversation is not silently priced as a new one.
  if (body.conversationId && !conversation) throw new AppError(404, "Conversation not found", "not_found", "conversationId");
  const path = conversation ? new MessageTree(conversation.messages).activePath() : [];
  const order = conversation?.columns.map((c) => c.id) ?? [];
  const enabled = conversation ? enabledToolsOf(conversation.enabledTools) : [];
  // Images count as the engine counts them (worst-case.ts): the estimate is what a send reserves.
  const attached = await pendingAttachments(userId, body.attachments ?? []);
  const byTurn = groupByTurn(conversation ? await conversationAttachments(conversation.id) : []);
  const columns = await Promise.all(
    body.columns.map(async (settings, i) => {
      const column = conversation?.columns[i];
      const system = settings.systemPrompt?.trim() ? settings.systemPrompt : null;
      const images = acceptsImages(settings.modelId);
      const history = column ? buildColumnHistory(path, column.id, system, order, { byTurn, images }) : system ? [{ role: "system", content: system }] : [];
      const messages = [...history, { role: "user", content: promptContent(body.prompt, attached, images) }] as WireMessage[];
      const tools = columnTools(settings.modelId, enabled);
      const bodyOut = { messages, ...(settings.maxTokens != null ? { max_tokens: settings.maxTokens } : {}), ...(tools.length ? { tools } : {}) };
      let worst;
      try {
        worst = worstCaseOf(planCall(await applyPreset(userId, { models: [settings.modelId], body: bodyOut })));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // A model that cannot be called is priced at nothing here; sending says why.
        return { modelId: settings.modelId, promptTokens: 0, maxCompletionTokens: 0, minCostPico: "0", maxCostPico: "0", error: error.message };
      }
      const first = worst.endpoints[0];
      return {
        modelId: settings.modelId,
        promptTokens: first.promptTokens,
        maxCompletionTokens: first.outputTokens,
        minCostPico: first.minCostPico.toString(),
        maxCostPico: worst.costPico.toString(),
      };
    }),
  );
  const totalMaxCostPico = columns.reduce((sum, c) => sum + BigInt(c.maxCostPico), 0n).toString();
  return { columns, totalMaxCostPico };
}
