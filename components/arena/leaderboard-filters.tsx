"use client";
// The leaderboard's filters, each a named control: whose votes, human or judge, blind only,
// category, time range, minimum votes.
import { field, fieldLabel } from "@/components/usage/styles";

export interface LeaderboardFilterState {
  kind: "human" | "judge";
  blindOnly: boolean;
  /** With blindOnly: keep blind votes where an answer named its own model or maker. */
  includeDeanonymised: boolean;
  category: string;
  range: "all" | "day" | "week" | "month" | "year";
  scope: "mine" | "team";
  minVotes: number;
}

export const DEFAULT_FILTERS: LeaderboardFilterState = { kind: "human", blindOnly: false, includeDeanonymised: false, category: "", range: "all", scope: "mine", minVotes: 0 };

export function filterQuery(f: LeaderboardFilterState): string {
  return new URLSearchParams({
    kind: f.kind,
    blindOnly: String(f.blindOnly),
    includeDeanonymised: String(f.includeDeanonymised),
    range: f.range,
    scope: f.scope,
    minVotes: String(f.minVotes),
    ...(f.category ? { category: f.category } : {}),
  }).toString();
}

interface Props {
  value: LeaderboardFilterState;
  onChange: (next: LeaderboardFilterState) => void;
  categories: string[];
  isAdmin: boolean;
}

export function LeaderboardFilters({ value, onChange, categories, isAdmin }: Props) {
  const set = <K extends keyof LeaderboardFilterState>(key: K, v: LeaderboardFilterState[K]) => onChange({ ...value, [key]: v });
  return (
    <form aria-label="Leaderboard filters" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <label className="flex flex-col gap-1">
        <span className={fieldLabel}>Votes by</span>
        <select className={field} value={value.kind} onChange={(e) => set("kind", e.target.value as LeaderboardFilterState["kind"])}>
          <option value="human">People</option>
          <option value="judge">Judge models</option>
        </select>
      </label>
      {isAdmin && (
        <label className="flex flex-col gap-1">
          <span className={fieldLabel}>Whose votes</span>
          <select className={field} value={value.scope} onChange={(e) => set("scope", e.target.value as LeaderboardFilterState["scope"])}>
            <option value="mine">Mine</option>
            <option value="team">The team&apos;s</option>
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1">
        <span className={fieldLabel}>Category</span>
        <select className={field} value={value.category} onChange={(e) => set("category", e.target.value)}>
          <option value="">All</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={fieldLabel}>Time range</span>
        <select className={field} value={value.range} onChange={(e) => set("range", e.target.value as LeaderboardFilterState["range"])}>
          <option value="all">All time</option>
          <option value="day">Last day</option>
          <option value="week">Last week</option>
          <option value="month">Last 30 days</option>
          <option value="year">Last year</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className={fieldLabel}>Minimum votes</span>
        <input className={`${field} w-20`} type="number" min={0} value={value.minVotes} onChange={(e) => set("minVotes", Math.max(0, Number(e.target.value) || 0))} />
      </label>
      <label className="flex items-center gap-1.5 pb-1.5 text-sm">
        <input type="checkbox" checked={value.blindOnly} onChange={(e) => set("blindOnly", e.target.checked)} />
        Blind votes only
      </label>
      {value.blindOnly && (
        <label className="flex items-center gap-1.5 pb-1.5 text-sm">
          <input type="checkbox" checked={value.includeDeanonymised} onChange={(e) => set("includeDeanonymised", e.target.checked)} />
          Include votes where an answer named its model
        </label>
      )}
    </form>
  );
}
