// Malformed request bodies, deterministic per seed. None can be valid for any route: each is
// not JSON, JSON of the wrong shape, or an object whose every known field holds a value no
// field of ours accepts (objects and arrays where scalars belong, never strings or null,
// which a few optional fields take to mean "clear").
export interface MalformedBody {
  kind: string;
  body: string;
  contentType: string;
}

const NOT_JSON = [
  "", " ", "{", "}", "[", "{]", "{'a':1}", '{"a":1,}', '{"a":}', '{"a" 1}', "undefined", "NaN", "Infinity", "-", "01",
  "\uFEFF{}", '{"a":"\\x41"}', '{"a":"\\u12"}', "tru", "nul", '"unterminated', "{\"a\":1}}", "[1,]", "/* c */ {}", "{\"a\":1} trailing",
  "<xml/>", "a=1&b=2", "--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--boundary--", "\u0000\u0001\u0002",
];

const WRONG_TOP = ["null", "true", "false", "0", "-1", "1e309", "123456789012345678901234567890", '"a string"', "[]", "[1,2,3]", "[{}]", '[{"prompt":"x"}]', '""'];

const JUNK_VALUES: unknown[] = [{}, { $junk: 1 }, [[]], [{ a: [] }], { __proto__: { admin: true } }, [[[[[[]]]]]], { nested: { deeper: { deepest: [{}] } } }];

const CONTENT_TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=boundary", "application/json; charset=utf-16", ""];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    const pick = random();
    // Printable ASCII, control characters, JSON punctuation and lone surrogates.
    if (pick < 0.6) text += String.fromCharCode(32 + Math.floor(random() * 95));
    else if (pick < 0.75) text += String.fromCharCode(Math.floor(random() * 32));
    else if (pick < 0.95) text += '{}[]:,"\\'[Math.floor(random() * 8)];
    else text += String.fromCharCode(0xd800 + Math.floor(random() * 0x800));
  }
  return text;
}

/** `count` malformed bodies for a route whose JSON fields are `fields`. */
export function malformedBodies(fields: string[], count: number, seed = 1): MalformedBody[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const junkObject = () => Object.fromEntries(fields.map((f) => [f, pick(JUNK_VALUES)]));
  const out: MalformedBody[] = [];
  for (let i = 0; out.length < count; i++) {
    const contentType = i % 7 === 0 ? pick(CONTENT_TYPES) : "application/json";
    switch (i % 10) {
      case 0:
        out.push({ kind: "not-json", body: NOT_JSON[i % NOT_JSON.length], contentType });
        break;
      case 1:
        out.push({ kind: "random-text", body: randomText(random, 1 + Math.floor(random() * 300)), contentType });
        break;
      case 2:
        out.push({ kind: "wrong-top-level", body: WRONG_TOP[i % WRONG_TOP.length], contentType });
        break;
      case 3: {
        const full = JSON.stringify(junkObject());
        out.push({ kind: "truncated", body: full.slice(0, Math.max(1, Math.floor(random() * full.length))), contentType });
        break;
      }
      case 4:
        out.push({
          kind: "unknown-keys",
          body: random() < 0.5 ? `{"__proto__":{"role":"admin"},"${fields[0] ?? "a"}":{"__proto__":null}}` : JSON.stringify({ [randomText(random, 8)]: random(), constructor: { prototype: { admin: true } } }),
          contentType,
        });
        break;
      case 5:
      case 6:
        out.push({ kind: "junk-values", body: JSON.stringify(junkObject()), contentType });
        break;
      case 7: {
        // Some fields junk, the others missing: required fields can never all be right.
        const some = Object.fromEntries(fields.filter(() => random() < 0.5).map((f) => [f, pick(JUNK_VALUES)]));
        out.push({ kind: "partial-junk", body: JSON.stringify(some), contentType });
        break;
      }
      case 8: {
        const depth = 500 + Math.floor(random() * 5000);
        out.push({ kind: "deep-nesting", body: random() < 0.5 ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth), contentType });
        break;
      }
      default:
        out.push({ kind: "empty-object", body: i % 20 === 9 ? "{}" : JSON.stringify({ [pick(fields) ?? "a"]: pick(JUNK_VALUES), extra: pick(JUNK_VALUES) }), contentType });
    }
  }
  return out;
}

/** A body just over the size limit, for the 413 path. */
export function oversizedBody(limitBytes: number): MalformedBody {
  return { kind: "oversized", body: `{"prompt":"${"x".repeat(limitBytes)}"}`, contentType: "application/json" };
}
