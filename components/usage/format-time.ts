// Dates shown in the viewer's chosen time zone, at the detail a bucket size calls for.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tz}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, ...options });
    cache.set(key, f);
  }
  return f;
}

export function formatBucket(iso: string, bucket: string, tz: string): string {
  const date = new Date(iso);
  if (bucket === "minute" || bucket === "hour") return formatter(tz, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  return formatter(tz, { month: "short", day: "numeric" }).format(date);
}

export function formatBucketLong(iso: string, bucket: string, tz: string): string {
  const date = new Date(iso);
  if (bucket === "minute" || bucket === "hour") return formatter(tz, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  if (bucket === "week") return `Week of ${formatter(tz, { month: "short", day: "numeric", year: "numeric" }).format(date)}`;
  return formatter(tz, { weekday: "short", month: "short", day: "numeric", year: "numeric" }).format(date);
}

export function formatDateTime(iso: string, tz: string): string {
  return formatter(tz, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction === 0) return "0%";
  if (fraction < 0.001) return "<0.1%";
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}
