// Token counts: exact below a thousand, one decimal in k and M above.

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, "");
}

export function formatTokens(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  const abs = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (abs < 1_000) return `${sign}${Math.round(abs)}`;
  // Round first, so 999_950 becomes "1M" and not "1000k".
  if (abs < 999_950) {
    const k = Math.round(abs / 100) / 10;
    if (k < 1_000) return `${sign}${trim(k)}k`;
  }
  if (abs < 999_950_000) return `${sign}${trim(Math.round(abs / 100_000) / 10)}M`;
  return `${sign}${trim(Math.round(abs / 100_000_000) / 10)}B`;
}
