// The last "does it answer?" result per provider, kept in this process: Settings shows it
// beside the provider, and the sandbox may be switched off only once a real provider has
// passed one (sandbox-switch.ts). Forgotten when the provider's key or base URL changes.
import type { ProviderCheckDto } from "../dto/provider";
import { processSingleton } from "../process-singleton";

export type CheckResult = ProviderCheckDto & { at: string };

const results = processSingleton("provider-checks", () => new Map<string, CheckResult>());

export function recordCheck(result: ProviderCheckDto, now = new Date()): CheckResult {
  const entry = { ...result, at: now.toISOString() };
  results.set(result.id, entry);
  return entry;
}

export function lastCheck(providerId: string): CheckResult | null {
  return results.get(providerId) ?? null;
}

export function forgetCheck(providerId: string): void {
  results.delete(providerId);
}

/** Real (not simulated) providers whose last check passed. */
export function answeringProviders(isReal: (providerId: string) => boolean): string[] {
  return [...results.values()].filter((r) => r.ok && isReal(r.id)).map((r) => r.id);
}
