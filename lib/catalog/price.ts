// Exact conversions between published USD-per-token price strings and picodollars (1e-12 USD) per token.
// Floats are never used: 0.000000075 is not representable in binary, and a ledger must add up to the unit.

const PICO_DIGITS = 12;
/** Plain non-negative decimals only: "0", "3", "0.000000075". No sign, exponent, spaces or bare dots. */
const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a USD-per-token price ("0.000000075") into picodollars per token (75_000n).
 * Published prices are whole picodollars; a string with more than 12 decimals (OpenRouter has shipped
 * float artefacts such as "0.0000006000000000000001") is rounded half up at the 12th decimal.
 */
export function parseUsdPerToken(price: string): bigint {
  const match = PLAIN_DECIMAL.exec(price);
  if (!match) throw new Error(`Not a USD-per-token price: ${JSON.stringify(price)}`);
  const [, whole, fraction = ""] = match;
  const kept = fraction.slice(0, PICO_DIGITS).padEnd(PICO_DIGITS, "0");
  let pico = BigInt(whole) * 10n ** BigInt(PICO_DIGITS) + BigInt(kept);
  const firstDropped = fraction.charAt(PICO_DIGITS);
  if (firstDropped !== "" && Number(firstDropped) >= 5) pico += 1n;
  return pico;
}

/** Picodollars per token → exact USD per million tokens, trailing zeros trimmed: 75_000n → "0.075". */
export function formatUsdPerMillion(pricePerTokenPico: bigint): string {
  // USD per million = pico × 1e6 / 1e12 = pico / 1e6, so six decimals always hold it exactly.
  const negative = pricePerTokenPico < 0n;
  const abs = negative ? -pricePerTokenPico : pricePerTokenPico;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Converts a price quoted per million tokens ("0.075") into the per-token string ("0.000000075"). */
export function usdPerTokenFromPerMillion(perMillion: string): string {
  const match = PLAIN_DECIMAL.exec(perMillion);
  if (!match) throw new Error(`Not a USD-per-million price: ${JSON.stringify(perMillion)}`);
  const [, whole, fraction = ""] = match;
  // Dividing by 1e6 moves the decimal point six places left; done on digits so nothing rounds.
  const digits = (whole + fraction).replace(/^0+/, "") || "0";
  const scale = fraction.length + 6;
  const padded = digits.padStart(scale + 1, "0");
  const intPart = padded.slice(0, padded.length - scale).replace(/^0+(?=\d)/, "");
  const fracPart = padded.slice(padded.length - scale).replace(/0+$/, "");
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}
