// Durations and speeds as a person reads them: "850 ms", "1.2 s", "2 min 5 s", "142 tok/s".

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) {
    const s = ms / 1_000;
    return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
  }
  const totalSeconds = Math.round(ms / 1_000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Tokens per second over `ms` milliseconds; "–" when there is nothing to divide. */
export function formatRate(tokens: number | null | undefined, ms: number | null | undefined): string {
  if (!tokens || !ms || ms <= 0 || !Number.isFinite(tokens) || !Number.isFinite(ms)) return "–";
  const rate = (tokens * 1_000) / ms;
  if (rate >= 100) return `${Math.round(rate)} tok/s`;
  if (rate >= 10) return `${rate.toFixed(1).replace(/\.0$/, "")} tok/s`;
  return `${rate.toFixed(2).replace(/0$/, "").replace(/\.0?$/, "")} tok/s`;
}
