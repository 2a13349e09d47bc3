// Exact conversions between USD amounts and picodollars (1e-12 USD), without floats.

const PICO_DIGITS = 12;

/** Parses a decimal USD amount ("0.00012", 1.5e-7, "3") into picodollars, rounding half up past 12 decimals. */
export function usdToPico(value: string | number): bigint {
  let text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  if (!/^\d*(\.\d*)?$/.test(text) || text === "" || text === ".") throw new Error(`Not a decimal amount: ${value}`);
  const [whole, fraction = ""] = text.split(".");
  const padded = (fraction + "0".repeat(PICO_DIGITS + 1)).slice(0, PICO_DIGITS + 1);
  let pico = BigInt(whole || "0") * 10n ** BigInt(PICO_DIGITS) + BigInt(padded.slice(0, PICO_DIGITS));
  if (Number(padded[PICO_DIGITS]) >= 5) pico += 1n;
  return negative ? -pico : pico;
}

/** Exact decimal string of a picodollar amount in USD, trailing zeros trimmed ("0.000012"). */
export function picoToUsdString(pico: bigint): string {
  const negative = pico < 0n;
  const abs = negative ? -pico : pico;
  const scale = 10n ** BigInt(PICO_DIGITS);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(PICO_DIGITS, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? "." + fraction : ""}`;
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite amount: ${n}`);
  // toPrecision keeps the digits JSON gave us; expand exponent notation by hand.
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = "", expText] = match;
  const exp = Number(expText);
  const digits = lead + rest;
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, "0")}`;
}
