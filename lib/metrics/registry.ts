// Switchyard's Prometheus metrics (prom-client), one registry per process. Counters and
// histograms are fed by the engine's outcomes (call-metrics.ts); gauges read live state when
// scraped; Node's default metrics add event-loop delay, memory and CPU.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { liveCount } from "../calls/live-calls";
import { picoToUsdString } from "../ledger/usd";
import { getAdmissionStore } from "../limits/admission-store";
import { processSingleton } from "../process-singleton";

const ENDPOINT = ["provider", "model"] as const;

function createMetrics() {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const registers = [register];
  return {
    register,
    requests: new Counter({
      name: "switchyard_requests_total",
      help: "Calls to models, by source (chat, api), endpoint and outcome (done, stopped, error, cached, refused)",
      labelNames: ["source", ...ENDPOINT, "outcome"] as const,
      registers,
    }),
    errors: new Counter({
      name: "switchyard_errors_total",
      help: "Failed and refused calls, by HTTP status (the provider's for upstream failures, Switchyard's for refusals; none without one) and kind (timeout, connection, http, stream, or the refusal's code)",
      labelNames: ["source", ...ENDPOINT, "status", "kind"] as const,
      registers,
    }),
    fallbacks: new Counter({
      name: "switchyard_fallbacks_total",
      help: "Attempts that failed and were followed by another endpoint, by the endpoint that failed (model: its upstream id)",
      labelNames: ENDPOINT,
      registers,
    }),
    ttft: new Histogram({
      name: "switchyard_time_to_first_token_seconds",
      help: "Time from the call's start to its first token, provider calls only",
      labelNames: ENDPOINT,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers,
    }),
    duration: new Histogram({
      name: "switchyard_request_duration_seconds",
      help: "Total time of a call, by outcome",
      labelNames: [...ENDPOINT, "outcome"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    tokens: new Counter({
      name: "switchyard_tokens_total",
      help: "Tokens as the ledger records them, by type (prompt, completion, reasoning, cached, cache_write; reasoning is part of completion, cached and cache_write part of prompt)",
      labelNames: [...ENDPOINT, "type"] as const,
      registers,
    }),
    cost: new Counter({ name: "switchyard_cost_usd_total", help: "Cost charged, USD (the ledger has the exact figures)", labelNames: ENDPOINT, registers }),
    cacheHits: new Counter({ name: "switchyard_response_cache_hits_total", help: "Answers served from the response cache", labelNames: ENDPOINT, registers }),
    cacheSaved: new Counter({ name: "switchyard_cache_savings_usd_total", help: "What prompt caching saved, USD: cached tokens at the prompt price minus what they cost", labelNames: ENDPOINT, registers }),
    refusals: new Counter({
      name: "switchyard_limiter_refusals_total",
      help: "Calls refused by rate limits, credit, budgets or free-tier caps, by reason",
      labelNames: ["reason"] as const,
      registers,
    }),
    activeStreams: new Gauge({
      name: "switchyard_active_streams",
      help: "Calls and chatroom answers in flight in this process",
      registers,
      collect() {
        this.set(liveCount());
      },
    }),
    reservations: new Gauge({
      name: "switchyard_reservations",
      help: "Keys (key_credit) and users (user_budget) with money reserved for calls in flight",
      labelNames: ["limit"] as const,
      registers,
      collect() {
        this.set({ limit: "key_credit" }, getAdmissionStore().reservations("credit").holders);
        this.set({ limit: "user_budget" }, getAdmissionStore().reservations("budget").holders);
      },
    }),
    reservedUsd: new Gauge({
      name: "switchyard_reserved_usd",
      help: "Money reserved for calls in flight (their worst case), USD",
      labelNames: ["limit"] as const,
      registers,
      collect() {
        this.set({ limit: "key_credit" }, usd(getAdmissionStore().reservations("credit").reservedPico));
        this.set({ limit: "user_budget" }, usd(getAdmissionStore().reservations("budget").reservedPico));
      },
    }),
  };
}

export type SwitchyardMetrics = ReturnType<typeof createMetrics>;

export function getMetrics(): SwitchyardMetrics {
  return processSingleton("metrics", createMetrics);
}

/** Picodollars as a float of USD: Prometheus values are floats; the ledger keeps the exact sums. */
export function usd(pico: bigint): number {
  return Number(picoToUsdString(pico));
}
