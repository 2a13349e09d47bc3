// Exact rational numbers on BigInt, so 0.1 + 0.2 is 0.3 and not 0.30000000000000004.

export interface Rational {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new Error("Division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** "12.375" → 12375/1000, reduced. */
export function parseDecimal(text: string): Rational {
  const [whole, fraction = ""] = text.split(".");
  return rational(BigInt(whole + fraction || "0"), 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);

/** Remainder with the sign of the dividend, as in most calculators. */
export function remainder(a: Rational, b: Rational): Rational {
  const quotient = divide(a, b);
  const truncated = rational(quotient.n / quotient.d);
  return subtract(a, multiply(b, truncated));
}

export function power(base: Rational, exponent: Rational): Rational {
  if (exponent.d !== 1n) throw new Error("Only whole-number exponents are supported");
  if (abs(exponent.n) > 10_000n) throw new Error("Exponent too large");
  const e = abs(exponent.n);
  const raised = rational(base.n ** e, base.d ** e);
  return exponent.n < 0n ? divide(rational(1n), raised) : raised;
}

/** Exact decimal when the denominator allows it (only 2s and 5s), else a fraction and an approximation. */
export function formatRational(value: Rational, digits = 12): string {
  let d = value.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d === 1n) return toDecimal(value, Math.max(twos, fives));
  return `${value.n}/${value.d} ≈ ${toDecimal(value, digits).replace(/\.?0+$/, "")}`;
}

function toDecimal(value: Rational, places: number): string {
  const sign = value.n < 0n ? "-" : "";
  const scaled = (abs(value.n) * 10n ** BigInt(places)) / value.d;
  if (places === 0) return sign + scaled.toString();
  const text = scaled.toString().padStart(places + 1, "0");
  return `${sign}${text.slice(0, -places)}.${text.slice(-places)}`;
}
