"use client";
// What the router has measured of each provider and model since the server started: the
// numbers it orders fallbacks by (time to first token, throughput, error rate, cool-downs).
import { useQuery } from "@tanstack/react-query";
import { formatDuration } from "@/lib/format/duration";

interface ObservedEndpoint {
  provider: string;
  upstreamModel: string;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  errorRate: number;
  calls: number;
  failures: number;
  lastError: string | null;
  coolingDown: boolean;
}

async function fetchHealth(): Promise<ObservedEndpoint[]> {
  const response = await fetch("/api/router/health");
  if (!response.ok) throw new Error(`Could not load router observations (${response.status})`);
  return (await response.json()).endpoints;
}

export function ObservedHealth() {
  const query = useQuery({ queryKey: ["router-health"], queryFn: fetchHealth, refetchInterval: 15_000 });
  const rows = query.data ?? [];
  return (
    <section aria-labelledby="observed-heading" className="min-w-0 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <h2 id="observed-heading" className="font-medium">
        Observed performance
      </h2>
      <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        Measured by the router on real calls since the server started; it orders providers by these. A provider that fails three times in a row is skipped for 30 s.
      </p>
      {query.isError && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{query.error.message}</p>}
      {rows.length === 0 && !query.isLoading && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">No calls yet.</p>}
      {rows.length > 0 && (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[520px] text-left text-xs">
            <thead className="text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Provider</th>
                <th scope="col" className="py-1 pr-3 font-medium">Model</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">TTFT</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Tokens/s</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Errors</th>
                <th scope="col" className="py-1 text-right font-medium">Calls</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.provider}/${row.upstreamModel}`} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-3">
                    {row.provider}
                    {row.coolingDown && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300">cooling down</span>}
                  </td>
                  <td className="py-1 pr-3 font-mono">{row.upstreamModel}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{row.ttftMs === null ? "—" : formatDuration(row.ttftMs)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{row.tokensPerSecond ?? "—"}</td>
                  <td className="py-1 pr-3 text-right tabular-nums" title={row.lastError ?? undefined}>
                    {(row.errorRate * 100).toFixed(0)}%
                  </td>
                  <td className="py-1 text-right tabular-nums">{row.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
