// Credit limits reset on UTC calendar boundaries, as OpenRouter's do: days at 00:00 UTC,
// weeks on Monday, months on the 1st. "never" counts everything since the key existed.

export type CreditReset = "never" | "daily" | "weekly" | "monthly";

export const CREDIT_RESETS: readonly CreditReset[] = ["never", "daily", "weekly", "monthly"];

const DAY_MS = 86_400_000;

export function startOfUtcDay(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the week holding `now`. */
export function startOfUtcWeek(now: number): number {
  const day = startOfUtcDay(now);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY_MS;
}

export function startOfUtcMonth(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** [start, end) of the credit period holding `now`; "never" is one period from the epoch on. */
export function creditPeriod(reset: CreditReset, now: number): { start: number; end: number } {
  switch (reset) {
    case "daily": {
      const start = startOfUtcDay(now);
      return { start, end: start + DAY_MS };
    }
    case "weekly": {
      const start = startOfUtcWeek(now);
      return { start, end: start + 7 * DAY_MS };
    }
    case "monthly": {
      const start = startOfUtcMonth(now);
      const date = new Date(start);
      return { start, end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) };
    }
    default:
      return { start: 0, end: Number.POSITIVE_INFINITY };
  }
}
