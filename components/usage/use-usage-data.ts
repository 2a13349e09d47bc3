"use client";
// TanStack queries behind the usage page; previous data stays on screen while a new range loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson, usageKeys, withParams, type ActivityPage, type FreeTierStatus, type UsageBreakdown, type UsageSummary, type UsageTimeseries } from "./usage-client";

function useUsage<T>(kind: string, path: string, params: URLSearchParams, refetchInterval?: number) {
  return useQuery({
    queryKey: usageKeys.of(kind, params),
    queryFn: ({ signal }) => getJson<T>(path, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}

export function useSummary(params: URLSearchParams) {
  return useUsage<UsageSummary>("summary", "/api/usage/summary", params);
}

export function useTimeseries(params: URLSearchParams, stackBy: string) {
  return useUsage<UsageTimeseries>("timeseries", "/api/usage/timeseries", withParams(params, { stackBy }));
}

export function useBreakdown(params: URLSearchParams, options: { groupBy: string; sort: string; dir: string }) {
  return useUsage<UsageBreakdown>("breakdown", "/api/usage/breakdown", withParams(params, options));
}

export function useActivity(params: URLSearchParams, cursor: string | undefined) {
  return useUsage<ActivityPage>("activity", "/api/usage/activity", withParams(params, { limit: 25, cursor }));
}

export function useFreeTier() {
  // Quotas move by the minute: refresh while the page is open.
  return useUsage<FreeTierStatus>("free-tier", "/api/usage/free-tier", new URLSearchParams(), 30_000);
}
