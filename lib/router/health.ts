// What the router has seen of each provider and model: time to first token, throughput
// and errors (moving averages), and a cool-down after repeated failures. With Redis, every
// instance's samples reach the others about once a second (one bus message for all of them),
// so the averages and the failure count are the whole deployment's; a cool-down, once an
// instance starts or ends one, is told to every instance at once.
import { onProviderSettingsChanged } from "../providers/settings-changes";
import { broadcast, onBroadcast, publishToOthers } from "../redis/bus";
import { redisEnabled } from "../redis/client";
import { processSingleton } from "../process-singleton";

export interface EndpointHealth {
  ttftMs: number | null;
  tokensPerSecond: number | null;
  errorRate: number;
  calls: number;
  failures: number;
  lastError: string | null;
}

interface ProviderState {
  consecutiveFailures: number;
  coolingUntil: number;
}

const ALPHA = 0.2;
export const FAILURES_BEFORE_COOLDOWN = 3;
export const COOLDOWN_MS = 30_000;

const state = processSingleton("provider-health", () => ({ endpoints: new Map<string, EndpointHealth>(), providers: new Map<string, ProviderState>() }));

interface CooldownChange {
  provider: string;
  /** 0: the provider answered again; null: forget everything about it. */
  coolingUntil: number | null;
}

onBroadcast<CooldownChange>("provider-health", ({ provider, coolingUntil }) => {
  if (coolingUntil === null) {
    state.providers.delete(provider);
    for (const key of state.endpoints.keys()) if (key.startsWith(`${provider}\u0000`)) state.endpoints.delete(key);
    return;
  }
  const current = state.providers.get(provider) ?? { consecutiveFailures: 0, coolingUntil: 0 };
  state.providers.set(provider, { consecutiveFailures: coolingUntil === 0 ? 0 : current.consecutiveFailures, coolingUntil });
});

const keyOf = (provider: string, upstreamModel: string) => `${provider}\u0000${upstreamModel}`;

function endpoint(provider: string, upstreamModel: string): EndpointHealth {
  const key = keyOf(provider, upstreamModel);
  let health = state.endpoints.get(key);
  if (!health) state.endpoints.set(key, (health = { ttftMs: null, tokensPerSecond: null, errorRate: 0, calls: 0, failures: 0, lastError: null }));
  return health;
}

const ewma = (previous: number | null, sample: number) => (previous === null ? sample : previous + ALPHA * (sample - previous));

type SuccessSample = { ttftMs: number | null; completionTokens: number; streamMs: number };

/** One call's outcome as the other instances receive it. */
type SharedSample = { provider: string; upstreamModel: string } & ({ ok: true; sample: SuccessSample } | { ok: false; error: string });

const SHARE_EVERY_MS = 1_000;
const outgoing = () => processSingleton("health-samples-out", () => ({ samples: [] as SharedSample[], timer: null as NodeJS.Timeout | null }));

function share(sample: SharedSample): void {
  if (!redisEnabled()) return;
  const out = outgoing();
  out.samples.push(sample);
  out.timer ??= setTimeout(() => {
    out.timer = null;
    void publishToOthers("health-samples", out.samples.splice(0));
  }, SHARE_EVERY_MS).unref();
}

onBroadcast<SharedSample[]>("health-samples", (samples) => {
  for (const s of samples) {
    if (s.ok) applySuccess(s.provider, s.upstreamModel, s.sample);
    else applyFailure(s.provider, s.upstreamModel, s.error, Date.now());
  }
});

export function recordSuccess(provider: string, upstreamModel: string, sample: SuccessSample): void {
  applySuccess(provider, upstreamModel, sample);
  share({ provider, upstreamModel, ok: true, sample });
}

export function recordFailure(provider: string, upstreamModel: string, error: string, now = Date.now()): void {
  applyFailure(provider, upstreamModel, error, now);
  share({ provider, upstreamModel, ok: false, error });
}

function applySuccess(provider: string, upstreamModel: string, sample: SuccessSample): void {
  const health = endpoint(provider, upstreamModel);
  health.calls += 1;
  health.errorRate = ewma(health.errorRate, 0);
  if (sample.ttftMs !== null) health.ttftMs = ewma(health.ttftMs, sample.ttftMs);
  if (sample.completionTokens > 0 && sample.streamMs > 0) health.tokensPerSecond = ewma(health.tokensPerSecond, (sample.completionTokens * 1000) / sample.streamMs);
  const wasCooling = (state.providers.get(provider)?.coolingUntil ?? 0) > 0;
  state.providers.set(provider, { consecutiveFailures: 0, coolingUntil: 0 });
  if (wasCooling) void broadcast("provider-health", { provider, coolingUntil: 0 } satisfies CooldownChange);
}

function applyFailure(provider: string, upstreamModel: string, error: string, now: number): void {
  const health = endpoint(provider, upstreamModel);
  health.calls += 1;
  health.failures += 1;
  health.errorRate = ewma(health.errorRate, 1);
  health.lastError = error;
  const provState = state.providers.get(provider) ?? { consecutiveFailures: 0, coolingUntil: 0 };
  provState.consecutiveFailures += 1;
  state.providers.set(provider, provState);
  if (provState.consecutiveFailures >= FAILURES_BEFORE_COOLDOWN) void broadcast("provider-health", { provider, coolingUntil: now + COOLDOWN_MS } satisfies CooldownChange);
}

/** A provider cooling down is skipped, unless it is the only way to serve the request. */
export function isCoolingDown(provider: string, now = Date.now()): boolean {
  return (state.providers.get(provider)?.coolingUntil ?? 0) > now;
}

export function getEndpointHealth(provider: string, upstreamModel: string): EndpointHealth | undefined {
  return state.endpoints.get(keyOf(provider, upstreamModel));
}

export function listHealth(): { provider: string; upstreamModel: string; health: EndpointHealth; coolingDown: boolean }[] {
  return [...state.endpoints.entries()].map(([key, health]) => {
    const [provider, upstreamModel] = key.split("\u0000");
    return { provider, upstreamModel, health, coolingDown: isCoolingDown(provider) };
  });
}

export function resetHealth(): void {
  state.endpoints.clear();
  state.providers.clear();
}

/** A provider's key or base URL changed: what it did before says nothing about it now. */
export function forgetProviderHealth(provider: string): void {
  void broadcast("provider-health", { provider, coolingUntil: null } satisfies CooldownChange);
}

onProviderSettingsChanged("router-health", ({ providerId }) => forgetProviderHealth(providerId));
