// Prompts from what people paste or upload: one per line, JSON Lines ({"prompt": "…"} or a JSON
// string per line), or CSV (a "prompt" column, else the first). Pure: the page and tests use it.

export function parsePrompts(text: string, fileName = ""): string[] {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!trimmed) return [];
  if (/\.jsonl?$/i.test(fileName) || /^[{"]/.test(trimmed)) return parseJsonLines(trimmed);
  if (/\.csv$/i.test(fileName)) return parseCsv(trimmed);
  return trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function parseJsonLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const value = JSON.parse(line) as unknown;
      if (typeof value === "string") return value;
      const prompt = (value as { prompt?: unknown; input?: unknown; question?: unknown })?.prompt ?? (value as { input?: unknown }).input ?? (value as { question?: unknown }).question;
      if (typeof prompt !== "string") throw new Error(`A line has no "prompt": ${line.slice(0, 60)}`);
      return prompt;
    })
    .filter((p) => p.trim());
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  row.push(field);
  rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim()));
}

function parseCsv(text: string): string[] {
  const rows = parseCsvRows(text);
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const column = header.indexOf("prompt");
  const body = column >= 0 ? rows.slice(1) : rows;
  return body.map((r) => r[Math.max(0, column)]?.trim() ?? "").filter(Boolean);
}
