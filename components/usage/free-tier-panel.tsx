"use client";
// Free-tier requests left in the last minute and the last 24 hours, per quota (as enforced).
import { formatDateTime } from "./format-time";
import type { FreeTierStatus } from "./usage-client";
import { card, muted, sectionTitle } from "./styles";

function Meter({ label, remaining, limit, resetsAt, tz }: { label: string; remaining: number; limit: number; resetsAt: string; tz: string }) {
  const fraction = limit > 0 ? remaining / limit : 0;
  const tone = fraction > 0.5 ? "bg-emerald-500" : fraction > 0.15 ? "bg-amber-500" : "bg-red-500";
  return (
    <div className="min-w-0 flex-1">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
        <span className="tabular-nums">
          <strong className="text-sm">{remaining}</strong> of {limit} left
        </span>
      </div>
      <div role="meter" aria-label={`${label}: requests left`} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={remaining} className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <div className={`h-full ${tone}`} style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      <p className="mt-0.5 text-[11px] text-zinc-600 dark:text-zinc-400">resets {formatDateTime(resetsAt, tz)}</p>
    </div>
  );
}

export function FreeTierPanel({ data, loading, tz }: { data: FreeTierStatus | undefined; loading: boolean; tz: string }) {
  return (
    <section aria-labelledby="free-tier-heading" className={`${card} min-w-0 space-y-3`}>
      <h2 id="free-tier-heading" className={sectionTitle}>
        Free tier
      </h2>
      {!data && <p className={muted}>{loading ? "Loading…" : ""}</p>}
      {data && data.models.length === 0 && (
        <div className={muted}>
          <p>No free-tier model used in the last 24 hours.</p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {data.limits.map((l) => (
              <li key={l.provider}>
                {l.providerLabel} ({l.appliesTo}): {l.requestsPerMinute} requests a minute, {l.requestsPerDay} a day
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && data.models.length > 0 && (
        <ul className="space-y-3">
          {data.models.map((m) => (
            <li key={m.label} className="space-y-1.5">
              <p className="truncate text-sm font-medium" title={m.label}>
                {m.label}
              </p>
              <div className="flex flex-col gap-3 sm:flex-row">
                <Meter label="This minute" remaining={m.minute.remaining} limit={m.minute.limit} resetsAt={m.minute.resetsAt} tz={tz} />
                <Meter label="Last 24 hours" remaining={m.day.remaining} limit={m.day.limit} resetsAt={m.day.resetsAt} tz={tz} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
