// Browser side of the usage API: URL building, fetchers and query keys for TanStack Query.
import type { UsageBreakdown } from "@/lib/usage/breakdown";
import type { ActivityPage } from "@/lib/usage/activity";
import type { FreeTierStatus } from "@/lib/usage/free-tier";
import type { GenerationDetail } from "@/lib/usage/generation-detail";
import type { UsageSummary } from "@/lib/usage/summary";
import type { UsageTimeseries } from "@/lib/usage/timeseries";

export type { ActivityPage, FreeTierStatus, GenerationDetail, UsageBreakdown, UsageSummary, UsageTimeseries };

export type RangeName = "hour" | "day" | "week" | "month" | "year" | "custom";

export interface RangeState {
  range: RangeName;
  /** yyyy-mm-dd, for range=custom. */
  from: string;
  to: string;
  tz: string;
  /** Scopes every part of the page to one conversation. */
  conversationId?: string | null;
  /** Admins: "me" (default), "all" or a user id. */
  user?: string;
}

export interface ActivityFilters {
  model: string;
  provider: string;
  status: string;
  source: string;
  /** yyyy-mm-dd: narrows the log to one local day. */
  date: string;
}

export const EMPTY_FILTERS: ActivityFilters = { model: "", provider: "", status: "", source: "", date: "" };

export function rangeParams(range: RangeState): URLSearchParams {
  const params = new URLSearchParams({ range: range.range, tz: range.tz });
  if (range.conversationId) params.set("conversationId", range.conversationId);
  if (range.user && range.user !== "me") params.set("user", range.user);
  if (range.range === "custom") {
    params.set("from", range.from);
    params.set("to", range.to);
  }
  return params;
}

export function activityParams(range: RangeState, filters: ActivityFilters): URLSearchParams {
  const params = filters.date ? rangeParams({ ...range, range: "custom", from: filters.date, to: filters.date }) : rangeParams(range);
  for (const key of ["model", "provider", "status", "source"] as const) if (filters[key]) params.set(key, filters[key]);
  return params;
}

export function withParams(base: URLSearchParams, extra: Record<string, string | number | undefined>): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

export async function getJson<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(params ? `${path}?${params}` : path, { signal, headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `Request failed (${response.status})`);
  return body as T;
}

export const usageKeys = {
  all: ["usage"] as const,
  of: (kind: string, params: URLSearchParams) => ["usage", kind, params.toString()] as const,
};

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
