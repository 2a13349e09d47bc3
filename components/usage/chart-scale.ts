// The numbers a chart needs beyond recharts' own: the range that opens on the data, and
// y-axis ticks on round values (1, 2, 2.5 or 5 times a power of ten).
import type { RangeName } from "./usage-client";

const HOUR = 3_600_000;
const PRESET_SPANS: [Exclude<RangeName, "custom">, number][] = [
  ["hour", HOUR],
  ["day", 24 * HOUR],
  ["week", 7 * 24 * HOUR],
  ["month", 30 * 24 * HOUR],
  ["year", 365 * 24 * HOUR],
];

/** The shortest preset that reaches back to the first call; a month when there is none. */
export function rangeForSpan(first: string | null, now = Date.now()): Exclude<RangeName, "custom"> {
  if (!first) return "month";
  const span = now - Date.parse(first);
  return PRESET_SPANS.find(([, ms]) => span <= ms)?.[0] ?? "year";
}

/** About `count` intervals from 0 past `max`, each a round step; whole steps only when `integer`. */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  // Rounded to the step's own precision, so 0.1 + 0.2 never prints as 0.30000000000000004.
  const decimals = decimalsOf(step);
  for (let i = 0; ; i++) {
    const tick = Number((i * step).toFixed(decimals));
    ticks.push(tick);
    if (tick >= max) break;
  }
  return ticks;
}

export function decimalsOf(step: number): number {
  if (step >= 1) return 0;
  const text = String(step);
  return text.includes("e-") ? Number(text.split("e-")[1]) + 1 : (text.split(".")[1] ?? "").length;
}
