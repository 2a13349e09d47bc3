// Rewrites top-level string fields of a JSON object text in place, wherever they sit and
// however the provider spaced its JSON, leaving every other byte as it came. The relay uses
// it to put the generation id and the requested model into chunks without re-encoding them.

/** Index just past the JSON string starting at `i` (a quote), honouring escapes. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34 /* " */) return j + 1;
  }
  return -1;
}

/** Index just past the value starting at `i` (object, array, string or scalar). */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === 34) return skipString(text, i);
  if (first !== 123 && first !== 91) {
    let j = i;
    while (j < text.length && !",}] \t\r\n".includes(text[j])) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      j = skipString(text, j) - 1;
      if (j < 0) return -1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * `json` with each top-level field named in `values` (when its value is a string) set to the
 * given string. Stops scanning once every field is found; returns `json` unchanged when it is
 * not an object it can read.
 */
export function replaceTopLevelStrings(json: string, values: Record<string, string>): string {
  return rewrite(json, values).out;
}

/** The rewrite, and where its last replaced value ends in the original text (0: none replaced). */
function rewrite(json: string, values: Record<string, string>): { out: string; end: number } {
  const unchanged = { out: json, end: 0 };
  let remaining = Object.keys(values).length;
  let out = "";
  let copiedTo = 0;
  let i = 0;
  while (i < json.length && isSpace(json.charCodeAt(i))) i++;
  if (json.charCodeAt(i) !== 123) return unchanged;
  i++;
  while (remaining > 0 && i < json.length) {
    while (i < json.length && (isSpace(json.charCodeAt(i)) || json[i] === ",")) i++;
    if (json.charCodeAt(i) !== 34) break;
    const keyEnd = skipString(json, i);
    if (keyEnd < 0) return unchanged;
    const key = json.slice(i + 1, keyEnd - 1);
    i = keyEnd;
    while (i < json.length && (isSpace(json.charCodeAt(i)) || json[i] === ":")) i++;
    const valueEnd = skipValue(json, i);
    if (valueEnd < 0) return unchanged;
    if (Object.hasOwn(values, key) && json.charCodeAt(i) === 34) {
      out += json.slice(copiedTo, i) + JSON.stringify(values[key]);
      copiedTo = valueEnd;
      remaining--;
    }
    i = valueEnd;
  }
  return copiedTo === 0 ? unchanged : { out: out + json.slice(copiedTo), end: copiedTo };
}

/**
 * replaceTopLevelStrings for a stream of chunks: providers repeat the same opening (id,
 * object, created, model) on every chunk, so once the first chunk's opening has been rewritten
 * by the scanner, a chunk that starts with exactly the same text gets the same rewritten
 * opening by one comparison. Anything else is scanned again.
 */
export class ChunkRenamer {
  private original = "";
  private rewritten = "";

  constructor(private readonly values: Record<string, string>) {}

  rename(json: string): string {
    if (this.original && json.startsWith(this.original)) return this.rewritten + json.slice(this.original.length);
    const { out, end } = rewrite(json, this.values);
    // The opening through the last value replaced: the same opening means the same fields.
    this.original = json.slice(0, end);
    this.rewritten = out.slice(0, out.length - (json.length - end));
    return out;
  }
}
