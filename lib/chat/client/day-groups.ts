// The sidebar's conversations grouped by the local day they were last active: "Today",
// "Yesterday", then dates. The time zone is the browser's unless given (tests pin one).

export interface DayGroup<T> {
  key: string;
  label: string;
  items: T[];
}

function dayKey(date: Date, timeZone?: string): string {
  // en-CA formats as yyyy-mm-dd: sortable, and a stable key.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function dayLabel(date: Date, now: Date, timeZone?: string): string {
  const key = dayKey(date, timeZone);
  if (key === dayKey(now, timeZone)) return "Today";
  if (key === dayKey(new Date(now.getTime() - 86_400_000), timeZone)) return "Yesterday";
  const sameYear = key.slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  // Assembled from parts: ICU puts a comma after the weekday in some forms and not others.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric" }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}${sameYear ? "" : ` ${part("year")}`}`;
}

/** Keeps the items' order (newest first) and starts a group wherever the day changes. */
export function groupByDay<T>(items: readonly T[], dateOf: (item: T) => Date, now: Date, timeZone?: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = dateOf(item);
    const key = dayKey(date, timeZone);
    const last = groups.at(-1);
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, label: dayLabel(date, now, timeZone), items: [item] });
  }
  return groups;
}

export function timeOfDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(date);
}
