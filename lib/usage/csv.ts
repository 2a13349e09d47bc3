// RFC 4180 CSV: CRLF line ends; fields with commas, quotes or line breaks are quoted and
// quotes doubled. Text from models or upstream errors is untrusted: a leading =, +, - or @
// would run as a formula in a spreadsheet, so such text fields get a leading apostrophe.

export type CsvValue = string | number | bigint | boolean | null | undefined;

export function csvField(value: CsvValue, { text = false }: { text?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
  /** Free text that could start with a formula character. */
  text?: boolean;
}

export function csvHeader<T>(columns: CsvColumn<T>[]): string {
  return columns.map((c) => csvField(c.header)).join(",") + "\r\n";
}

export function csvLine<T>(columns: CsvColumn<T>[], row: T): string {
  return columns.map((c) => csvField(c.value(row), { text: c.text })).join(",") + "\r\n";
}

/** A download name like "switchyard-activity-2026-03-01-to-2026-03-31.csv". */
export function csvFileName(kind: string, from: number, to: number): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `switchyard-${kind}-${day(from)}-to-${day(to)}.csv`;
}
