// Non-streaming chat completions: the same routing and fallback, one JSON answer, annotated
// with the generation id, the requested model, the provider and the cost.
import type { ServerResponse } from "node:http";
import { settleUsage } from "../ledger/compute-cost";
import { newGenerationId } from "../ledger/ledger-writer";
import { picoToUsdString } from "../ledger/usd";
import { normaliseUsage } from "../providers/stream-chat";
import { openUpstream } from "./call-upstream";
import { attemptFailed, attemptSucceeded, finishCall, newOutcome, openLedgerRow, sendFailure } from "./call-outcome";
import { adjustmentHeaders } from "./shape-requests";
import type { PreparedCall } from "./prepare-call";

interface Completion {
  id?: string;
  model?: string;
  choices?: { message?: { content?: string | null; reasoning?: string | null; tool_calls?: unknown[] }; finish_reason?: string | null }[];
  usage?: Parameters<typeof normaliseUsage>[0] & Record<string, unknown>;
  [key: string]: unknown;
}

export async function respondNonStreaming(call: PreparedCall, res: ServerResponse, clientSignal: AbortSignal): Promise<void> {
  const generationId = newGenerationId();
  const outcome = newOutcome(generationId, call.plan[0]);
  const ledger = openLedgerRow(call, generationId);
  let answer: Completion | null = null;

  for (const candidate of call.plan) {
    outcome.served = candidate;
    const attemptStarted = Date.now();
    try {
      const attempt = await openUpstream(candidate, call.requests.get(candidate)!, clientSignal);
      try {
        const chunks: Uint8Array[] = [];
        for await (const chunk of attempt.chunks()) chunks.push(chunk);
        answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Completion;
      } finally {
        attempt.dispose();
      }
      const choice = answer.choices?.[0];
      outcome.firstTokenAt = Date.now();
      outcome.text = (choice?.message?.content ?? "") + (choice?.message?.tool_calls ? JSON.stringify(choice.message.tool_calls) : "");
      outcome.finishReason = choice?.finish_reason ?? null;
      outcome.usage = answer.usage ? normaliseUsage(answer.usage) : null;
      attemptSucceeded(outcome, candidate, attemptStarted);
      break;
    } catch (error) {
      const failure = attemptFailed(outcome, candidate, attemptStarted, error, clientSignal);
      if (failure.kind === "aborted" || !failure.retryable) break;
    }
  }

  if (outcome.status === "done" && answer) {
    const usage = outcome.usage;
    const cost = usage ? settleUsage(usage, outcome.served.price).costPico : 0n;
    const body = {
      ...answer,
      id: generationId,
      model: call.requestedModel,
      provider: outcome.served.provider.label,
      ...(answer.usage ? { usage: { ...answer.usage, cost: Number(picoToUsdString(cost)) } } : {}),
    };
    res.writeHead(200, { "content-type": "application/json", ...adjustmentHeaders(call.requests.get(outcome.served)), "x-generation-id": generationId });
    res.end(JSON.stringify(body));
  } else if (outcome.status === "error") sendFailure(res, outcome);
  else res.end();
  finishCall(call, outcome, ledger);
}
