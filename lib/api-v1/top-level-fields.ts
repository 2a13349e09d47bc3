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
  let remaining = Object.keys(values).length;
  // A null field can only be there if the text says null somewhere.
  const drop = dropWhenNull.length && json.includes("null") ? dropWhenNull : [];
  let out = "";
  let copiedTo = 0;
  let i = 0;
  while (i < json.length && isSpace(json.charCodeAt(i))) i++;
  if (json.charCodeAt(i) !== 123) return json;
  i++;
  // Where the current field's text begins: after the previous value, so its comma goes with it.
  let fieldStart = i;
  let kept = false;
  while ((remaining > 0 || drop.length > 0) && i < json.length) {
    while (i < json.length && (isSpace(json.charCodeAt(i)) || json[i] === ",")) i++;
    if (json.charCodeAt(i) !== 34) break;
    const keyEnd = skipString(json, i);
    if (keyEnd < 0) return json;
    const key = json.slice(i + 1, keyEnd - 1);
    i = keyEnd;
    while (i < json.length && (isSpace(json.charCodeAt(i)) || json[i] === ":")) i++;
    const valueEnd = skipValue(json, i);
    if (valueEnd < 0) return json;
    if (Object.hasOwn(values, key) && json.charCodeAt(i) === 34) {
      out += json.slice(copiedTo, i) + JSON.stringify(values[key]);
      copiedTo = valueEnd;
      remaining--;
      kept = true;
    } else if (drop.includes(key) && json.startsWith("null", i)) {
      // The field goes with the comma before it (or, before any kept field, the comma after it).
      let end = valueEnd;
      if (!kept) while (end < json.length && (isSpace(json.charCodeAt(end)) || json[end] === ",")) end++;
      out += json.slice(copiedTo, fieldStart);
      copiedTo = Math.max(copiedTo, end);
    } else kept = true;
    i = valueEnd;
    fieldStart = valueEnd;
  }
  return copiedTo === 0 ? json : out + json.slice(copiedTo);
}
