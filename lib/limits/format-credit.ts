// Amounts in a 402 message: precise enough to compare (4 decimals, or 2 significant digits
// below $0.0001), and rounded so the comparison stays true — costs up, what is left down.


export function formatCreditUsd(pico: bigint, round: "up" | "down"): string {
  if (pico <= 0n) return "$0";
  let decimals = 4;
  // Below $0.0001: as many decimals as two significant digits need.
  if (pico < 100_000_000n) decimals = Math.min(12, 14 - pico.toString().length);
  const unit = 10n ** BigInt(12 - decimals);
  const units = round === "up" ? (pico + unit - 1n) / unit : pico / unit;
  const scale = 10n ** BigInt(decimals);
  const whole = units / scale;
  let fraction = (units % scale).toString().padStart(decimals, "0");
  if (whole >= 1n) fraction = fraction.replace(/0+$/, "").padEnd(2, "0");
  return `$${whole}.${fraction}`;
}
