// GET /api/v1/models, /api/v1/generation?id=, /api/v1/key.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticateApiKey } from "../auth/api-keys";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { picoToUsdString } from "../ledger/usd";
import { describeKeyUsage } from "../limits/key-usage";
import { listApiModels } from "./list-models";
import { sendOpenAiError } from "./openai-error";

const usd = (pico: bigint | null) => (pico === null ? null : Number(picoToUsdString(pico)));

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function handleModels(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    sendJson(res, { data: await listApiModels() });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

export async function handleGeneration(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const id = new URL(req.url ?? "", "http://x").searchParams.get("id");
    if (!id || id.length > 100) throw new AppError(400, "Query parameter id is required", "invalid_request", "id");
    const g = await getDb().generation.findFirst({ where: { id, userId: key.userId } });
    if (!g) throw new AppError(404, `Generation ${id} not found`, "not_found", "id");
    sendJson(res, {
      data: {
        id: g.id,
        model: g.requestedModel,
        upstream_model: g.upstreamModel,
        provider_name: g.provider,
        origin: g.source,
        api_key_id: g.apiKeyId,
        created_at: g.createdAt.toISOString(),
        status: g.status,
        finish_reason: g.finishReason,
        error: g.error,
        streamed: true,
        cancelled: g.status === "stopped",
        tokens_prompt: g.promptTokens,
        tokens_completion: g.completionTokens,
        native_tokens_prompt: g.promptTokens,
        native_tokens_completion: g.completionTokens,
        native_tokens_reasoning: g.reasoningTokens,
        native_tokens_cached: g.cachedTokens,
        usage_estimated: g.usageEstimated,
        total_cost: usd(g.costPico),
        upstream_inference_cost: usd(g.upstreamCostPico),
        latency: g.totalMs,
        time_to_first_token_ms: g.ttftMs,
        generation_time: g.ttftMs !== null && g.totalMs !== null ? g.totalMs - g.ttftMs : null,
        attempts: JSON.parse(g.attempts),
      },
    });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}

export async function handleKey(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const key = await authenticateApiKey(req.headers.authorization ?? null);
    const usage = await describeKeyUsage(key);
    sendJson(res, {
      data: {
        label: key.name,
        prefix: key.prefix,
        limit: usd(usage.limitPico),
        limit_remaining: usd(usage.remainingPico),
        limit_reset: key.creditReset === "never" ? null : key.creditReset,
        usage: usd(usage.usageTotalPico),
        usage_daily: usd(usage.usageTodayPico),
        usage_weekly: usd(usage.usageWeekPico),
        usage_monthly: usd(usage.usageMonthPico),
        is_free_tier: false,
        expires_at: key.expiresAt?.toISOString() ?? null,
        rate_limit: { requests_per_minute: key.rpm, requests_per_day: key.rpd, tokens_per_minute: key.tpm },
      },
    });
  } catch (error) {
    sendOpenAiError(res, error);
  }
}
