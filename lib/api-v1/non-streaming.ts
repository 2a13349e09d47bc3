// Non-streaming chat completions: the same routing and fallback, one JSON answer, annotated
// with the generation id, the requested model, the provider and the cost.
import type { ServerResponse } from "node:http";
import { computeCostPico } from "../ledger/compute-cost";
import { newGenerationId } from "../ledger/ledger-writer";
import { picoToUsdString } from "../ledger/usd";
import { normaliseUsage } from "../providers/stream-chat";
import { recordFailure } from "../router/health";
import { bodyChunks } from "../providers/fast-fetch";
import { UpstreamError } from "../providers/upstream-error";
import { openUpstream } from "./call-upstream";
import { classify, failureStatus, finishCall, newOutcome, openLedgerRow } from "./call-outcome";
import { openAiErrorBody } from "./openai-error";
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
        try {
          for await (const chunk of bodyChunks(attempt.response)) chunks.push(chunk);
        } catch (error) {
          if (attempt.timedOut() && !clientSignal.aborted) throw new UpstreamError(`${candidate.provider.label} did not answer in time`, 408, "timeout");
          throw error;
        }
        answer = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Completion;
      } finally {
        attempt.dispose();
      }
      const choice = answer.choices?.[0];
      outcome.firstTokenAt = Date.now();
      outcome.text = (choice?.message?.content ?? "") + (choice?.message?.tool_calls ? JSON.stringify(choice.message.tool_calls) : "");
      outcome.finishReason = choice?.finish_reason ?? null;
      outcome.usage = answer.usage ? normaliseUsage(answer.usage) : null;
      outcome.status = "done";
      outcome.error = null;
      outcome.attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "ok", ms: Date.now() - attemptStarted });
      break;
    } catch (error) {
      const failure = classify(error, candidate, clientSignal);
      outcome.attempts.push({ provider: candidate.provider.id, upstreamModel: candidate.upstreamModel, status: "error", error: failure.message, httpStatus: failure.status, ms: Date.now() - attemptStarted });
      outcome.error = failure;
      outcome.status = failure.kind === "aborted" ? "stopped" : "error";
      if (failure.kind !== "aborted") recordFailure(candidate.provider.id, candidate.upstreamModel, failure.message);
      if (failure.kind === "aborted" || !failure.retryable) break;
    }
  }

  if (outcome.status === "done" && answer) {
    const usage = outcome.usage;
    const cost = usage ? (usage.upstreamCostPico ?? computeCostPico(usage, outcome.served.price)) : 0n;
    const body = {
      ...answer,
      id: generationId,
      model: call.requestedModel,
      provider: outcome.served.provider.label,
      ...(answer.usage ? { usage: { ...answer.usage, cost: Number(picoToUsdString(cost)) } } : {}),
    };
    res.writeHead(200, { "content-type": "application/json", ...adjustmentHeaders(call.requests.get(outcome.served)), "x-generation-id": generationId });
    res.end(JSON.stringify(body));
  } else if (outcome.status === "error") {
    const { status, code } = failureStatus(outcome.error!);
    res.writeHead(status, { "content-type": "application/json", "x-generation-id": generationId });
    res.end(openAiErrorBody(status, outcome.error!.message, code));
  } else res.end();
  finishCall(call, outcome, ledger);
}
