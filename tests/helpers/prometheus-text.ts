// A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every
// rule a scraper relies on is checked, and the first broken one throws with its line number.
//   - lines end in \n; `# HELP name text` and `# TYPE name type` at most once per family,
//     TYPE before the family's first sample; other `#` lines are comments;
//   - samples `name{label="value",...} value [timestamp]` with valid names, escaped label
//     values (\\, \", \n), Go float values (NaN, +Inf, -Inf) and integer timestamps;
//   - a family's lines are not interleaved with another's, and no series appears twice;
//   - histograms have _bucket series with `le`, cumulative counts ending in a +Inf bucket
//     equal to _count, and a _sum; summaries have `quantile` series, _sum and _count.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: "counter" | "gauge" | "histogram" | "summary" | "untyped";
  help: string | null;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

export function parsePrometheusText(text: string): Map<string, Family> {
  if (text.length > 0 && !text.endsWith("\n")) throw new Error("The exposition must end with a line feed");
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  const seriesSeen = new Set<string>();
  let current: string | null = null;
  const lines = text.split("\n").slice(0, -1);

  const enter = (family: string, line: number) => {
    if (family === current) return;
    if (closed.has(family)) throw new Error(`line ${line}: lines of ${family} are not grouped together`);
    if (current) closed.add(current);
    current = family;
  };
  const familyOf = (name: string, line: number): Family => {
    let family = families.get(name);
    if (!family) families.set(name, (family = { name, type: "untyped", help: null, samples: [] }));
    enter(name, line);
    return family;
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    if (raw.startsWith("#")) {
      const match = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(raw);
      if (!match) return; // a comment
      const [, keyword, name, rest = ""] = match;
      if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: bad metric name ${name}`);
      const family = familyOf(name, line);
      if (keyword === "HELP") {
        if (family.help !== null) throw new Error(`line ${line}: second HELP for ${name}`);
        family.help = unescapeHelp(rest, line);
      } else {
        if (!TYPES.has(rest.trim())) throw new Error(`line ${line}: unknown type ${rest}`);
        if (family.samples.length > 0 || families.get(name)!.type !== "untyped") throw new Error(`line ${line}: TYPE of ${name} after its samples or twice`);
        family.type = rest.trim() as Family["type"];
      }
      return;
    }
    const sample = parseSample(raw, line);
    const family = familyOf(familyName(sample.name, families), line);
    const series = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seriesSeen.has(series)) throw new Error(`line ${line}: series ${series} appears twice`);
    seriesSeen.add(series);
    family.samples.push(sample);
  });
  for (const family of families.values()) checkFamily(family);
  return families;
}

/** A histogram's or summary's samples belong to the family without the suffix. */
function familyName(sample: string, families: Map<string, Family>): string {
  for (const suffix of ["_bucket", "_sum", "_count"]) {
    if (!sample.endsWith(suffix)) continue;
    const base = families.get(sample.slice(0, -suffix.length));
    if (base && (base.type === "histogram" || base.type === "summary")) return base.name;
  }
  return sample;
}

function parseSample(raw: string, line: number): Sample {
  const nameMatch = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(raw);
  if (!nameMatch) throw new Error(`line ${line}: a sample must start with a metric name: ${raw}`);
  const name = nameMatch[1];
  let i = name.length;
  const labels: Record<string, string> = {};
  if (raw[i] === "{") {
    i++;
    while (raw[i] !== "}") {
      const labelMatch = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(raw.slice(i));
      if (!labelMatch || !LABEL_NAME.test(labelMatch[1])) throw new Error(`line ${line}: bad label at column ${i + 1}: ${raw}`);
      i += labelMatch[0].length;
      let value = "";
      for (;;) {
        const c = raw[i];
        if (c === undefined) throw new Error(`line ${line}: unterminated label value`);
        i++;
        if (c === '"') break;
        if (c === "\\") {
          const next = raw[i++];
          if (next === "\\") value += "\\";
          else if (next === '"') value += '"';
          else if (next === "n") value += "\n";
          else throw new Error(`line ${line}: bad escape \\${next} in a label value`);
        } else value += c;
      }
      if (Object.hasOwn(labels, labelMatch[1])) throw new Error(`line ${line}: label ${labelMatch[1]} twice`);
      labels[labelMatch[1]] = value;
      if (raw[i] === ",") i++;
      else if (raw[i] !== "}") throw new Error(`line ${line}: expected , or } at column ${i + 1}`);
    }
    i++;
  }
  const rest = raw.slice(i);
  const valueMatch = /^ (\S+)(?: (-?\d+))?$/.exec(rest);
  if (!valueMatch) throw new Error(`line ${line}: expected " value [timestamp]" after the labels: ${raw}`);
  return { name, labels, value: parseGoFloat(valueMatch[1], line) };
}

function parseGoFloat(text: string, line: number): number {
  if (text === "NaN") return Number.NaN;
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`line ${line}: bad value ${text}`);
  return Number(text);
}

function unescapeHelp(text: string, line: number): string {
  return text.replace(/\\(.)/g, (_, c: string) => {
    if (c === "\\") return "\\";
    if (c === "n") return "\n";
    throw new Error(`line ${line}: bad escape \\${c} in HELP`);
  });
}

function checkFamily(family: Family): void {
  if (family.type === "histogram") checkHistogram(family);
  if (family.type === "summary") {
    for (const s of family.samples) {
      if (s.name === family.name && s.labels.quantile === undefined) throw new Error(`${family.name}: a summary sample without quantile`);
    }
  }
  if (family.type === "counter") {
    for (const s of family.samples) if (s.value < 0 || Number.isNaN(s.value)) throw new Error(`${family.name}: a counter is ${s.value}`);
  }
}

function checkHistogram(family: Family): void {
  const groups = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const group = groups.get(key) ?? { buckets: [] };
    groups.set(key, group);
    if (s.name === `${family.name}_bucket`) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      group.buckets.push([parseGoFloat(le, 0), s.value]);
    } else if (s.name === `${family.name}_sum`) group.sum = s.value;
    else if (s.name === `${family.name}_count`) group.count = s.value;
    else throw new Error(`${family.name}: unexpected sample ${s.name}`);
  }
  for (const [key, group] of groups) {
    const buckets = group.buckets;
    if (buckets.length === 0 || group.sum === undefined || group.count === undefined) throw new Error(`${family.name}${key}: buckets, _sum and _count are all required`);
    for (let i = 1; i < buckets.length; i++) {
      if (buckets[i][0] <= buckets[i - 1][0]) throw new Error(`${family.name}${key}: le values must increase`);
      if (buckets[i][1] < buckets[i - 1][1]) throw new Error(`${family.name}${key}: bucket counts must be cumulative`);
    }
    const last = buckets[buckets.length - 1];
    if (last[0] !== Number.POSITIVE_INFINITY) throw new Error(`${family.name}${key}: the last bucket must be le="+Inf"`);
    if (last[1] !== group.count) throw new Error(`${family.name}${key}: the +Inf bucket must equal _count`);
  }
}

/** The value of the one sample with these labels (labels not given may be anything, but must match one sample). */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}, family = name): number | undefined {
  const found = families.get(family)?.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (!found || found.length === 0) return undefined;
  return found.reduce((sum, s) => sum + s.value, 0);
}
