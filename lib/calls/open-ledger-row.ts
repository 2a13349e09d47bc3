// A call's ledger row, inserted as the call starts (so a crash leaves a trace) with the
// endpoint planned first and its price; settling (or a response-cache replay) completes it.
import { priceColumns, startGeneration, type LedgerRow } from "../ledger/ledger-writer";
import type { Candidate } from "../router/resolve-model";
import type { CallSpec } from "./call-spec";

export function openLedgerRow(spec: CallSpec, generationId: string, first: Candidate): LedgerRow {
  const { caller } = spec;
  return startGeneration(generationId, {
    userId: caller.userId,
    source: caller.source,
    conversationId: caller.conversationId,
    messageId: caller.messageId,
    apiKeyId: caller.key?.id ?? null,
    requestedModel: spec.requestedModel,
    modelId: first.modelId,
    provider: first.provider.id,
    upstreamModel: first.upstreamModel,
    ...priceColumns(first.price),
  });
}
