"use client";
// Last hour/day/week/month/year, or custom dates (whole days in the viewer's time zone).
import { useState } from "react";
import type { RangeName, RangeState } from "./usage-client";
import { buttonSecondary, field, fieldLabel, segment } from "./styles";

const PRESETS: [Exclude<RangeName, "custom">, string][] = [
  ["hour", "Last hour"],
  ["day", "Last 24 hours"],
  ["week", "Last 7 days"],
  ["month", "Last 30 days"],
  ["year", "Last 12 months"],
];

export function RangePicker({ value, onChange }: { value: RangeState; onChange: (next: RangeState) => void }) {
  const [custom, setCustom] = useState(value.range === "custom");
  const today = new Date().toLocaleDateString("en-CA");
  const [from, setFrom] = useState(value.from || today);
  const [to, setTo] = useState(value.to || today);
  const invalid = from > to;

  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Time range" className="flex flex-wrap gap-1 rounded-lg border border-zinc-200 bg-zinc-50 p-1 dark:border-zinc-800 dark:bg-zinc-900">
        {PRESETS.map(([range, label]) => (
          <button
            key={range}
            type="button"
            aria-pressed={!custom && value.range === range}
            onClick={() => {
              setCustom(false);
              onChange({ ...value, range });
            }}
            className={segment(!custom && value.range === range)}
          >
            {label}
          </button>
        ))}
        <button type="button" aria-pressed={custom} onClick={() => setCustom(true)} className={segment(custom)}>
          Custom
        </button>
      </div>
      {custom && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) onChange({ ...value, range: "custom", from, to });
          }}
        >
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>From</span>
            <input type="date" required value={from} max={to} onChange={(e) => setFrom(e.target.value)} className={field} />
          </label>
          <label className="flex flex-col gap-1">
            <span className={fieldLabel}>To</span>
            <input type="date" required value={to} min={from} onChange={(e) => setTo(e.target.value)} className={field} />
          </label>
          <button type="submit" disabled={invalid || !from || !to} className={buttonSecondary}>
            Apply range
          </button>
          {invalid && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              The start date is after the end date.
            </p>
          )}
        </form>
      )}
    </div>
  );
}
