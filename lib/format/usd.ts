// Money arrives as picodollars (1e-12 USD) in decimal strings. Everything here is BigInt
// math so a display never disagrees with the exact ledger by a float rounding step.

const PICO_PER_USD = 1_000_000_000_000n;
const PICO_PER_CENT = 10_000_000_000n;

export function toPico(value: string | bigint | number | null | undefined): bigint {
  if (value === null || value === undefined || value === "") return 0n;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(Math.trunc(value));
  try {
    return BigInt(value.trim());
  } catch {
    return 0n;
  }
}

export function sumPico(values: Iterable<string | bigint | null | undefined>): bigint {
  let total = 0n;
  for (const value of values) total += toPico(value);
  return total;
}

/** How an amount is rounded for display: to the nearest, or up (a cost that must not look
 * smaller than it is) or down (what is left, which must not look larger). */
export type UsdRounding = "nearest" | "up" | "down";

/** Divides non-negative numbers, rounding as asked (nearest: half away from zero). */
function roundDiv(n: bigint, d: bigint, rounding: UsdRounding = "nearest"): bigint {
  if (rounding === "up") return (n + d - 1n) / d;
  if (rounding === "down") return n / d;
  return (n + d / 2n) / d;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * "$0", "$1.23", "$0.0042", "$0.000012". At a cent or more: two decimals. Below a cent:
 * two significant digits (trailing zeros dropped), so tiny per-call costs stay readable.
 */
export function formatUsd(value: string | bigint | null | undefined, rounding: UsdRounding = "nearest"): string {
  const pico = toPico(value);
  if (pico === 0n) return "$0";
  const negative = pico < 0n;
  const abs = negative ? -pico : pico;
  const sign = negative ? "-" : "";
  // Negative amounts round toward the same side as their magnitude would.
  if (negative && rounding !== "nearest") rounding = rounding === "up" ? "down" : "up";

  if (abs >= PICO_PER_CENT) {
    const cents = roundDiv(abs, PICO_PER_CENT, rounding);
    const whole = cents / 100n;
    const fraction = (cents % 100n).toString().padStart(2, "0");
    return `${sign}$${groupThousands(whole.toString())}.${fraction}`;
  }

  // Below one cent: keep two significant digits of the 12-digit fraction.
  const digits = abs.toString();
  const dropped = Math.max(0, digits.length - 2);
  const scale = 10n ** BigInt(dropped);
  let significant = roundDiv(abs, scale, rounding);
  let exponent = dropped;
  if (significant >= 100n) {
    // 0.0995¢ rounds up to 0.1¢: renormalise to two digits.
    significant /= 10n;
    exponent += 1;
  }
  const rounded = significant * 10n ** BigInt(exponent);
  if (rounded >= PICO_PER_CENT) return `${sign}$0.01`;
  const fraction = rounded.toString().padStart(12, "0").replace(/0+$/, "");
  return `${sign}$0.${fraction}`;
}

/** USD per million tokens arrives as an exact decimal string ("0.075"); show it compactly. */
export function formatPricePerMillion(usd: string | null): string {
  if (usd === null) return "?";
  const n = Number(usd);
  if (!Number.isFinite(n)) return usd;
  if (n === 0) return "$0";
  if (n >= 100) return `$${n.toFixed(0)}`;
  if (n >= 0.01) return `$${Number(n.toPrecision(3))}`;
  return `$${Number(n.toPrecision(2))}`;
}

export { PICO_PER_USD };
