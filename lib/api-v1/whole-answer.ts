// A non-streaming answer of any API format: the format's body when the call is done,
// otherwise the failure's status with the format's error body. Headers name the generation
// and what the quirks changed, as streams do.
import type { ServerResponse } from "node:http";
import type { CallOutcome } from "../calls/call-outcome";
import { adjustmentHeaders } from "../calls/plan-call";
import type { ErrorBody } from "./api-error";
import { failureStatus } from "./call-failure";

export function sendWholeAnswer(res: ServerResponse, outcome: CallOutcome, body: unknown | null, errorBody: ErrorBody): void {
  if (res.destroyed) return;
  const headers = { "content-type": "application/json", "x-generation-id": outcome.generationId, ...adjustmentHeaders(outcome.request, outcome.responseCacheHit) };
  if (outcome.status === "done" && body !== null) {
    res.writeHead(200, headers);
    res.end(JSON.stringify(body));
    return;
  }
  const { status, code } = outcome.error ? failureStatus(outcome.error) : { status: 503, code: "stopped" };
  res.writeHead(status, headers);
  res.end(errorBody(status, outcome.error?.message ?? "The call was stopped before it finished", code));
}
