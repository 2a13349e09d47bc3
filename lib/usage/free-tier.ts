// Free-tier quota left, as enforcement counts it: the same caps (presets overridden by
// FREE_TIER_<PRESET>_RPM / _RPD, lib/providers/free-tier-caps.ts), the same scopes (all of
// OpenRouter's `:free` models share one quota; Gemini counts per model), and the same rolling
// windows (the last minute, the last 24 hours), read from the same ledger rows.
import type { FreeTierCap } from "../limits/free-tier-cap";
import { freeTierCap } from "../providers/free-tier-caps";
import { DAY_MS, LEDGER_HISTORY, MINUTE_MS } from "../limits/window-seed";
import { PROVIDER_PRESETS, type FreeTier } from "../providers/presets";

export interface FreeTierWindow {
  limit: number;
  used: number;
  remaining: number;
  /** When the oldest call in the window leaves it (now, when the window is empty). */
  resetsAt: string;
}

export interface FreeTierModel {
  provider: string;
  providerLabel: string;
  /** What the quota covers: "OpenRouter free models", "gemini-2.5-flash on the Google Gemini free tier". */
  label: string;
  minute: FreeTierWindow;
  day: FreeTierWindow;
}

export interface FreeTierStatus {
  models: FreeTierModel[];
  /** The limits that apply, for an empty state that still explains them. */
  limits: { provider: string; providerLabel: string; appliesTo: string; requestsPerMinute: number; requestsPerDay: number }[];
}

function appliesToText(tier: FreeTier): string {
  return tier.appliesTo === "free-suffix" ? "models ending in :free" : (tier.models ?? []).join(", ");
}

/** The caps of a provider's tier: one for a whole-provider quota, one per listed model otherwise. */
function capsOf(providerId: string, tier: FreeTier): FreeTierCap[] {
  const names = tier.appliesTo === "free-suffix" ? ["any:free"] : (tier.models ?? []);
  return names.map((name) => freeTierCap(providerId, name, { assumeFree: true })!);
}

export async function getFreeTierStatus(userId: string, now = Date.now()): Promise<FreeTierStatus> {
  const models: FreeTierModel[] = [];
  const limits: FreeTierStatus["limits"] = [];
  for (const preset of PROVIDER_PRESETS) {
    if (!preset.freeTier) continue;
    const caps = capsOf(preset.id, preset.freeTier);
    limits.push({ provider: preset.id, providerLabel: preset.label, appliesTo: appliesToText(preset.freeTier), requestsPerMinute: caps[0].rpm, requestsPerDay: caps[0].rpd });
    for (const cap of caps) {
      const calls = await LEDGER_HISTORY.freeTier(userId, cap, now - DAY_MS);
      if (calls.length === 0) continue;
      const inMinute = calls.filter((c) => c.at > now - MINUTE_MS);
      models.push({
        provider: preset.id,
        providerLabel: preset.label,
        label: cap.description,
        minute: window(cap.rpm, inMinute.map((c) => c.at), MINUTE_MS, now),
        day: window(cap.rpd, calls.map((c) => c.at), DAY_MS, now),
      });
    }
  }
  return { models, limits };
}

function window(limit: number, times: number[], length: number, now: number): FreeTierWindow {
  const oldest = times.length ? Math.min(...times) : now - length;
  return { limit, used: times.length, remaining: Math.max(0, limit - times.length), resetsAt: new Date(oldest + length).toISOString() };
}
