"use client";
// Filters for the activity log. Model and provider options come from the range's breakdown.
import type { ActivityFilters } from "./usage-client";
import { field, fieldLabel } from "./styles";

export function ActivityFiltersBar({
  value,
  onChange,
  models,
  providers,
}: {
  value: ActivityFilters;
  onChange: (next: ActivityFilters) => void;
  models: string[];
  providers: string[];
}) {
  const set = (patch: Partial<ActivityFilters>) => onChange({ ...value, ...patch });
  const select = (label: string, key: "model" | "provider" | "status" | "source", options: [string, string][]) => (
    <label className="flex min-w-0 flex-col gap-1">
      <span className={fieldLabel}>{label}</span>
      <select value={value[key]} onChange={(e) => set({ [key]: e.target.value })} className={`${field} min-w-0 sm:max-w-[16rem]`}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
      {select("Model", "model", withCurrent(models, value.model).map((m) => [m, m]))}
      {select("Provider", "provider", withCurrent(providers, value.provider).map((p) => [p, p]))}
      {select("Status", "status", [
        ["done", "Done"],
        ["error", "Error"],
        ["stopped", "Stopped"],
        ["streaming", "Streaming"],
      ])}
      {select("Source", "source", [
        ["chat", "Chatroom"],
        ["api", "API"],
      ])}
      <label className="flex min-w-0 flex-col gap-1">
        <span className={fieldLabel}>Date</span>
        <input type="date" value={value.date} onChange={(e) => set({ date: e.target.value })} className={`${field} min-w-0`} />
      </label>
    </div>
  );
}

/** Keep a chosen option listed even when the new range no longer has it. */
function withCurrent(options: string[], current: string): string[] {
  return current && !options.includes(current) ? [current, ...options] : options;
}
