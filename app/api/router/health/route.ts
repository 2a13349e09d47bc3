import { requireUser } from "@/lib/auth/current-user";
import { errorResponse } from "@/lib/errors";
import { listHealth } from "@/lib/router/health";

export const dynamic = "force-dynamic";

/** What the router has observed per provider and model: TTFT, throughput, errors, cool-downs. */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireUser(request);
    const endpoints = listHealth()
      .map(({ provider, upstreamModel, health, coolingDown }) => ({
        provider,
        upstreamModel,
        ttftMs: health.ttftMs === null ? null : Math.round(health.ttftMs),
        tokensPerSecond: health.tokensPerSecond === null ? null : Math.round(health.tokensPerSecond * 10) / 10,
        errorRate: Math.round(health.errorRate * 1000) / 1000,
        calls: health.calls,
        failures: health.failures,
        lastError: health.lastError,
        coolingDown,
      }))
      .sort((a, b) => b.calls - a.calls);
    return Response.json({ endpoints });
  } catch (error) {
    return errorResponse(error);
  }
}
