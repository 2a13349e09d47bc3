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
 * given string, and each field named in `dropWhenNull` removed when its value is null (strict
 * clients, OpenRouter's SDK among them, refuse `"usage": null` where they expect an object or
 * nothing). Stops scanning once nothing is left to find; returns `json` unchanged when it is
 * not an object it can read.
 */
export function replaceTopLevelStrings(json: string, values: Record<string, string>, dropWhenNull: readonly string[] = []): string {
  return rewrite(json, values, dropWhenNull).out;
}

interface Rewrite {
  out: string;
  /** Where the last renamed value ends in `json` (0 when none was renamed). */
  end: number;
}

/**
 * The scan, from `start` (just inside the opening brace, or just after a top-level value).
 * `kept`: a field already stands before `start` (so a dropped one takes the comma before it).
 */
function rewrite(json: string, values: Record<string, string>, dropWhenNull: readonly string[], start = -1, kept = false): Rewrite {
  const unchanged = { out: json, end: 0 };
  let remaining = Object.keys(values).length;
  // A null field can only be there if the text says null somewhere.
  const drop = dropWhenNull.length && json.includes("null", Math.max(0, start)) ? dropWhenNull : [];
  if (remaining === 0 && drop.length === 0) return unchanged;
  let out = "";
  let copiedTo = 0;
  let end = 0;
  let i = start;
  if (i < 0) {
    i = 0;
    while (i < json.length && isSpace(json.charCodeAt(i))) i++;
    if (json.charCodeAt(i) !== 123) return unchanged;
    i++;
  }
  // Where the current field's text begins: after the previous value, so its comma goes with it.
  let fieldStart = i;
  while ((remaining > 0 || drop.length > 0) && i < json.length) {
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
      copiedTo = end = valueEnd;
      remaining--;
      kept = true;
    } else if (drop.includes(key) && json.startsWith("null", i)) {
      // The field goes with the comma before it (or, before any kept field, the comma after it).
      let cut = valueEnd;
      if (!kept) while (cut < json.length && (isSpace(json.charCodeAt(cut)) || json[cut] === ",")) cut++;
      out += json.slice(copiedTo, fieldStart);
      copiedTo = Math.max(copiedTo, cut);
    } else kept = true;
    i = valueEnd;
    fieldStart = valueEnd;
  }
  return copiedTo === 0 ? unchanged : { out: out + json.slice(copiedTo), end };
}

/**
 * replaceTopLevelStrings for a stream of chunks: providers repeat the same opening (id,
 * object, created, model) on every chunk, so once the first chunk's opening has been rewritten
 * by the scanner, a chunk that starts with exactly the same text gets the same rewritten
 * opening by one comparison; only its rest is scanned (for fields to drop). Anything else is
 * scanned whole again.
 */
export class ChunkRenamer {
  private original = "";
  private rewritten = "";

  constructor(
    private readonly values: Record<string, string>,
    private readonly dropWhenNull: readonly string[] = [],
  ) {}

  rename(json: string): string {
    if (this.original && json.startsWith(this.original)) return this.rewritten + this.dropAfter(json, this.original.length);
    const renamed = rewrite(json, this.values, []);
    // A droppable null inside the opening would be kept by reusing it: such an opening is not reused.
    if (renamed.end === 0 || json.lastIndexOf("null", renamed.end) !== -1) {
      this.original = "";
      return rewrite(json, this.values, this.dropWhenNull).out;
    }
    this.original = json.slice(0, renamed.end);
    this.rewritten = renamed.out.slice(0, renamed.out.length - (json.length - renamed.end));
    return this.rewritten + this.dropAfter(json, renamed.end);
  }

  private dropAfter(json: string, from: number): string {
    return rewrite(json, {}, this.dropWhenNull, from, true).out.slice(from);
  }
}
