// GET /api/v1/models, /api/v1/generation?id=, /api/v1/key, in OpenRouter's shapes: every
// field its published schema requires is present (OpenRouter's own SDK validates them), with
// null or zero for what Switchyard does not have (apps, BYOK, workspaces, data regions),
// and Switchyard's own extras (attempts, estimated usage, rate limits) alongside.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Generation } from "@prisma/client";
import { z } from "zod";
import type { ApiKeyContext } from "../auth/api-keys";
import { authenticateApiKey } from "../auth/api-keys";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { validateBody } from "../http/parse-body";
import { picoToUsdString } from "../ledger/usd";
import { ledgerWritesSoFar } from "../ledger/ledger-writer";
import { freeTierCap } from "../providers/free-tier-caps";
import { describeKeyUsage } from "../auth/key-usage";
import { DAY_MS, LEDGER_HISTORY } from "../limits/window-seed";
import { listApiModels } from "./list-models";
import { sendOpenAiError } from "./openai-error";

const usd = (pico: bigint) => Number(picoToUsdString(pico));

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

// OpenRouter's SDK pages through the list with offset and limit (500 by default).
const modelsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
});

export async function handleModels(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const query = new URL(req.url ?? "", "http://x").searchParams;
    const { offset, limit } = validateBody({ offset: query.get("offset") ?? undefined, limit: query.get("limit") ?? undefined }, modelsQuerySchema);
    const models = await listApiModels();
    const next = offset + limit < models.length ? `/api/v1/models?offset=${offset + limit}&limit=${limit}` : null;
    sendJson(res, { data: models.slice(offset, offset + limit), links: { next }, total_count: models.length });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

export async function handleGeneration(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const id = new URL(req.url ?? "", "http://x").searchParams.get("id");
    if (!id || id.length > 100) throw new AppError(400, "Query parameter id is required", "invalid_request", "id");
    // A call that just ended on this instance may still have its row in the lazy write window.
    await ledgerWritesSoFar();
    const g = await getDb().generation.findFirst({ where: { id, userId: key.userId } });
    if (!g) throw new AppError(404, `Generation ${id} not found`, "not_found", "id");
    sendJson(res, { data: generationData(g) });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

interface StoredAttempt {
  provider: string;
  upstreamModel: string;
  status: "ok" | "error";
  httpStatus?: number | null;
  ms: number;
}

function generationData(g: Generation) {
  const attempts = JSON.parse(g.attempts) as StoredAttempt[];
  return {
    id: g.id,
    model: g.requestedModel,
    upstream_model: g.upstreamModel,
    provider_name: g.provider,
    origin: g.source,
    api_key_id: g.apiKeyId,
    api_type: "completions",
    app_id: null,
    created_at: g.createdAt.toISOString(),
    status: g.status,
    finish_reason: g.finishReason,
    native_finish_reason: g.finishReason,
    error: g.error,
    streamed: true,
    cancelled: g.status === "stopped",
    tokens_prompt: g.promptTokens,
    tokens_completion: g.completionTokens,
    native_tokens_prompt: g.promptTokens,
    native_tokens_completion: g.completionTokens,
    native_tokens_completion_images: 0,
    native_tokens_reasoning: g.reasoningTokens,
    native_tokens_cached: g.cachedTokens,
    native_tokens_cache_write: g.cacheWriteTokens,
    num_media_prompt: null,
    num_media_completion: null,
    num_input_audio_prompt: null,
    num_search_results: null,
    num_fetches: null,
    usage_estimated: g.usageEstimated,
    // What the call cost, in USD (OpenRouter: `usage` and `total_cost` are the same figure).
    usage: usd(g.costPico),
    total_cost: usd(g.costPico),
    upstream_inference_cost: g.upstreamCostPico === null ? null : usd(g.upstreamCostPico),
    // What cached prompt tokens saved against the prompt price (OpenRouter reports the same figure).
    cache_discount: usd(g.cacheSavingsPico),
    response_cache_hit: g.responseCacheHit,
    saved_prompt_tokens: g.savedPromptTokens,
    saved_completion_tokens: g.savedCompletionTokens,
    is_byok: false,
    latency: g.totalMs,
    moderation_latency: null,
    time_to_first_token_ms: g.ttftMs,
    generation_time: g.ttftMs !== null && g.totalMs !== null ? g.totalMs - g.ttftMs : null,
    provider_responses: attempts.map((a) => ({ provider_name: a.provider, model_permaslug: a.upstreamModel, status: a.httpStatus ?? (a.status === "ok" ? 200 : null), latency: a.ms })),
    attempts,
    data_region: "global",
    external_user: null,
    http_referer: null,
    user_agent: null,
    preset_id: null,
    router: null,
    service_tier: null,
    upstream_id: null,
    web_search_engine: null,
    workspace_id: null,
  };
}

export async function handleKey(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    sendJson(res, { data: await keyData(key) });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

async function keyData(key: ApiKeyContext) {
  const usage = await describeKeyUsage(key);
  const orNull = (pico: bigint | null) => (pico === null ? null : usd(pico));
  return {
    label: key.name,
    prefix: key.prefix,
    creator_user_id: key.userId,
    limit: orNull(usage.limitPico),
    limit_remaining: orNull(usage.remainingPico),
    limit_reset: key.creditReset === "never" ? null : key.creditReset,
    usage: usd(usage.usageTotalPico),
    usage_daily: usd(usage.usageTodayPico),
    usage_weekly: usd(usage.usageWeekPico),
    usage_monthly: usd(usage.usageMonthPico),
    // Every provider key is the instance's: nothing is "bring your own key" per API key.
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    include_byok_in_limit: false,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    free_model_daily_requests: await freeModelRequestsToday(key.userId),
    allowed_data_regions: [],
    organization_id: null,
    workspace_id: null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    // OpenRouter's deprecated single limit is the requests per minute; Switchyard's limits are all named beside it.
    rate_limit: {
      requests: key.rpm ?? -1,
      interval: "1m",
      note: "Switchyard: requests_per_minute, requests_per_day and tokens_per_minute are this key's limits (null: none)",
      requests_per_minute: key.rpm,
      requests_per_day: key.rpd,
      tokens_per_minute: key.tpm,
    },
  };
}

/** OpenRouter's `:free` models quota of the key's owner over the last 24 hours, as the limiter counts it. */
async function freeModelRequestsToday(userId: string): Promise<{ limit: number; used: number; remaining: number }> {
  const cap = freeTierCap("openrouter", "any:free", { assumeFree: true })!;
  const used = (await LEDGER_HISTORY.freeTier(userId, cap, Date.now() - DAY_MS)).length;
  return { limit: cap.rpd, used, remaining: Math.max(0, cap.rpd - used) };
}
