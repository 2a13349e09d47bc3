// Everything decided before an upstream is called: who calls, what they asked, where it may
// go, and whether their limits and credit allow it (reserved atomically).
import type { IncomingMessage } from "node:http";
import { authenticateApiKey, type ApiKeyContext } from "../auth/api-keys";
import { getUserState } from "../auth/user-state";
import { AppError } from "../errors";
import { computeCostPico } from "../ledger/compute-cost";
import { countPromptTokens } from "../ledger/estimate-usage";
import { admitRequest, type Admission } from "../limits/admit";
import { freeTierProviderOf } from "../router/free-tier";
import { ensureProviderCredentials } from "../providers/credential-snapshot";
import { planRoute } from "../router/plan-route";
import type { Candidate } from "../router/resolve-model";
import { chatCompletionRequestSchema, type ChatCompletionRequest } from "./chat-request-schema";
import { readJsonBody } from "./read-body";
import { shapeRequests } from "./shape-requests";
import type { NormalisedRequest } from "../providers/quirks/normalise-request";

const DEFAULT_MAX_TOKENS = 4096;
const PARAMETER_NAMES = ["temperature", "top_p", "max_tokens", "stop", "seed", "response_format", "tools", "tool_choice", "logit_bias", "presence_penalty", "frequency_penalty", "top_k", "reasoning"];

export interface PreparedCall {
  key: ApiKeyContext;
  body: ChatCompletionRequest;
  requestedModel: string;
  plan: Candidate[];
  /** The request each planned endpoint gets, after its quirks. */
  requests: Map<Candidate, NormalisedRequest>;
  messages: { role: string; content: string }[];
  promptTokens: number;
  admission: Admission;
}

export async function prepareCall(req: IncomingMessage): Promise<PreparedCall> {
  const key = await authenticateApiKey(req.headers.authorization ?? null);
  const raw = await readJsonBody(req);
  // Settled once per process (at start); only the first request of a bare test server waits on it.
  await ensureProviderCredentials();
  const parsed = chatCompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.join(".") || null;
    throw new AppError(400, `${param ? `${param}: ` : ""}${issue.message}`, "invalid_request", param);
  }
  const body = parsed.data;
  const models = body.models ?? [body.model!];
  const requestedModel = body.model ?? models[0];
  const parameters = PARAMETER_NAMES.filter((name) => (body as Record<string, unknown>)[name] !== undefined);
  const routed = planRoute(body.model && body.models ? [body.model, ...body.models.filter((m) => m !== body.model)] : models, body.provider, {
    tools: Boolean(body.tools?.length),
    parameters,
  });
  const { plan, requests } = shapeRequests(body, routed);

  const messages = body.messages.map((m) => ({ role: m.role, content: textOf(m.content) + (m.tool_calls ? JSON.stringify(m.tool_calls) : "") }));
  // Exact counting costs CPU; it is needed only when a budget depends on it: the key's
  // credit, its tokens per minute, or its owner's monthly budget.
  const owner = getUserState(key.userId);
  const budgeted = (owner instanceof Promise ? await owner : owner).monthlyBudgetPico !== null;
  const exact = key.creditLimitPico !== null || key.tpm !== null || budgeted;
  const promptTokens = exact ? countPromptTokens(messages) : Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const requestedMax = body.max_completion_tokens ?? body.max_tokens ?? null;
  const worstCase = plan.reduce((max, c) => {
    const bound = requestedMax ?? c.maxOutputTokens ?? DEFAULT_MAX_TOKENS;
    const cost = computeCostPico({ promptTokens, completionTokens: bound, reasoningTokens: 0, cachedTokens: 0 }, c.price);
    return cost > max ? cost : max;
  }, 0n);
  const first = plan[0];
  const freeTierProvider = freeTierProviderOf(first);
  const admission = await admitRequest({
    key,
    modelId: requestedModel,
    provider: first.provider.id,
    free: first.free || freeTierProvider !== null,
    freeTierProvider,
    promptTokens,
    maxTokens: requestedMax ?? first.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
    worstCaseCostPico: worstCase,
  });
  return { key, body, requestedModel, plan, requests, messages, promptTokens, admission };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
  return "";
}
