// Where the app's CPU goes per stream: reads a V8 CPU profile (`--cpu-prof`, see
// bench/README.md), cut to one measured run of bench/router.ts, and prints the top self-time
// functions, inclusive costs by concern, and (with a loop-monitor log) what ran while the
// event loop was blocked.
// Run: npx tsx bench/profile-top.ts <file.cpuprofile> [--windows w.json --label "pinned steady api"]
//      [--streams N] [--loop loop.json] [--top 25]
import fs from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { windows: { type: "string" }, label: { type: "string" }, streams: { type: "string" }, loop: { type: "string" }, top: { type: "string", default: "25" } },
});
const profile = JSON.parse(fs.readFileSync(positionals[0], "utf8")) as Profile;
const top = Number(values.top);

// The run to look at, and how many streams it completed.
let [from, to] = [-Infinity, Infinity];
let streams = Number(values.streams ?? 0);
if (values.windows) {
  const runs = JSON.parse(fs.readFileSync(values.windows, "utf8")) as { label: string; window: [number, number]; streams: number }[];
  const run = runs.find((r) => r.label === values.label);
  if (!run) throw new Error(`No run "${values.label}" in ${values.windows}: ${runs.map((r) => r.label).join(", ")}`);
  [from, to] = run.window;
  streams ||= run.streams;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
// Packages as "~/<package>/…", the project's own files from lib/, app/ or bench/.
const shortUrl = (url: string) => (url.includes("/node_modules/") ? url.replace(/^.*\/node_modules\//, "~/") : url.replace(/^file:\/\//, "").replace(/^.*?\/(lib|app|bench)\//, "$1/"));
const frameName = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ""}`;

// Concerns, first match wins per frame. "Inclusive": a sample counts once per concern on its
// stack. "Exclusive": a sample goes to the concern of the frame nearest its leaf that has one.
const native = (names: string[]) => (u: string, f: string) => !u && names.includes(f);
const CONCERNS: [string, (url: string, fn: string) => boolean][] = [
  ["socket writes (writev syscalls)", native(["writev", "writeBuffer", "writeUtf8String", "writeLatin1String", "writeAsciiString"])],
  ["worker postMessage (ledger hot writes)", native(["postMessage"])],
  ["crypto hash (API key)", native(["Hash", "digest", "update"])],
  ["TextDecoder", native(["decode"])],
  ["JSON.parse", native(["parse"])],
  ["JSON.stringify", native(["stringify"])],
  ["promise/microtask machinery", native(["runMicrotasks"])],
  ["(garbage collector)", native(["(garbage collector)"])],
  ["(program): native, syscalls", native(["(program)"])],
  ["openai SDK", (u) => u.includes("/node_modules/openai/")],
  ["zod", (u) => u.includes("/node_modules/zod/")],
  ["gpt-tokenizer", (u) => u.includes("/node_modules/gpt-tokenizer/")],
  ["undici", (u) => u.includes("/node_modules/undici/")],
  ["Next.js (patched nextTick, ALS)", (u) => u.includes("/node_modules/next/")],
  ["Prisma", (u) => u.includes("/node_modules/@prisma/") || u.includes("/node_modules/.prisma/")],
  ["better-sqlite3", (u) => u.includes("better-sqlite3")],
  ["lib/api-v1/prepare-call", (u) => u.includes("/lib/api-v1/prepare-call")],
  ["lib/api-v1/stream-relay", (u) => u.includes("/lib/api-v1/stream-relay")],
  ["lib/api-v1/call-upstream", (u) => u.includes("/lib/api-v1/call-upstream")],
  ["lib/api-v1/call-outcome", (u) => u.includes("/lib/api-v1/call-outcome")],
  ["lib/api-v1/chat-completions", (u) => u.includes("/lib/api-v1/chat-completions")],
  ...["auth", "limits", "ledger", "db", "chat", "streaming", "providers", "router", "server", "http", "catalog"].map(
    (dir): [string, (u: string) => boolean] => [`lib/${dir}`, (u) => u.includes(`/lib/${dir}/`)],
  ),
  ["async hooks (promise hooks, AsyncLocalStorage)", (u) => u.includes("async_hooks") || u.includes("async_local_storage") || u.includes("async_context_frame")],
  ["AbortController / AbortSignal", (u) => u.includes("abort_controller") || u.includes("internal/event_target")],
  ["node:http", (u) => u.startsWith("node:_http")],
  ["node streams", (u) => u.startsWith("node:internal/streams")],
  ["node:net", (u) => u === "node:net" || u.startsWith("node:internal/stream_base") || u.startsWith("node:internal/net")],
  ["EventEmitter", (u) => u === "node:events"],
  ["timers / nextTick", (u) => u.startsWith("node:internal/timers") || u === "node:timers" || u.includes("task_queues")],
  ["Web streams / Response / Headers (Node's undici)", (u) => u.includes("internal/webstreams") || u.includes("internal/deps/undici")],
  ["worker / MessagePort", (u) => u.includes("internal/worker") || u.includes("messageport")],
  ["Buffer", (u) => u === "node:buffer" || u.startsWith("node:internal/buffer")],
];
const concernOf = (node: ProfileNode) => CONCERNS.find(([, match]) => match(node.callFrame.url, node.callFrame.functionName))?.[0];

const self = new Map<number, number>();
const inclusiveConcern = new Map<string, number>();
const exclusiveConcern = new Map<string, number>();
const inclusiveFn = new Map<string, number>();
let busyUs = 0;
let idleUs = 0;
const inWindow: { at: number; id: number }[] = [];
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  if (at < from || at > to) continue;
  const weight = profile.timeDeltas[i + 1] ?? 0;
  const id = profile.samples[i];
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === "(idle)") {
    idleUs += weight;
    continue;
  }
  busyUs += weight;
  inWindow.push({ at, id });
  self.set(id, (self.get(id) ?? 0) + weight);
  const concerns = new Set<string>();
  const fns = new Set<string>();
  let exclusive: string | undefined;
  for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
    const concern = concernOf(node);
    if (concern) concerns.add(concern);
    exclusive ??= concern;
    if (node.callFrame.url) fns.add(frameName(node));
  }
  exclusive ??= "other";
  exclusiveConcern.set(exclusive, (exclusiveConcern.get(exclusive) ?? 0) + weight);
  for (const c of concerns) inclusiveConcern.set(c, (inclusiveConcern.get(c) ?? 0) + weight);
  for (const f of fns) inclusiveFn.set(f, (inclusiveFn.get(f) ?? 0) + weight);
}

const per = (us: number) => (streams ? `${(us / 1000 / streams).toFixed(3)} ms/stream` : "");
const line = (us: number, name: string) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / busyUs) * 100).toFixed(1).padStart(5)}%  ${per(us).padStart(17)}  ${name}`;
console.log(`main thread: busy ${(busyUs / 1000).toFixed(0)} ms, idle ${(idleUs / 1000).toFixed(0)} ms${streams ? `; ${streams} streams: ${per(busyUs)}` : ""}`);

// Self time grouped by function (all its call sites together).
const selfByFn = new Map<string, number>();
for (const [id, us] of self) selfByFn.set(frameName(byId.get(id)!), (selfByFn.get(frameName(byId.get(id)!)) ?? 0) + us);
console.log(`\ntop ${top} self time:`);
for (const [name, us] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(us, name));
console.log("\nexclusive, by concern (each sample to the concern nearest its leaf; these add up to the busy time):");
for (const [name, us] of [...exclusiveConcern].sort((a, b) => b[1] - a[1])) console.log(line(us, name));
console.log("\ninclusive, by concern (a sample counts once per concern on its stack):");
// The queues every callback runs from are on nearly every stack: inclusive, they say nothing.
const ROOTS = new Set(["timers / nextTick", "promise/microtask machinery"]);
for (const [name, us] of [...inclusiveConcern].filter(([n]) => !ROOTS.has(n)).sort((a, b) => b[1] - a[1])) console.log(line(us, name));
console.log(`\ntop ${top} inclusive functions of lib/:`);
for (const [name, us] of [...inclusiveFn].filter(([n]) => / lib\//.test(n)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(line(us, name));

if (values.loop) {
  const log = JSON.parse(fs.readFileSync(values.loop, "utf8")) as { blockMs: number; histogram: Record<string, number>; blocks: { at: number; ms: number }[]; gcs: { at: number; ms: number; kind: string }[] };
  const blocks = log.blocks.filter((b) => b.at >= from && b.at <= to).sort((a, b) => b.ms - a.ms);
  const gcs = log.gcs.filter((g) => g.at >= from && g.at <= to);
  const byKind = new Map<string, number[]>();
  for (const gc of gcs) byKind.set(gc.kind, [...(byKind.get(gc.kind) ?? []), gc.ms]);
  const gcSummary = [...byKind].map(([kind, ms]) => `${kind} ${ms.length}× (max ${Math.max(...ms).toFixed(1)} ms, total ${ms.reduce((n, v) => n + v, 0).toFixed(0)} ms)`);
  console.log(`\nevent loop blocked > ${log.blockMs} ms (delay p50 ${log.histogram.p50.toFixed(1)}, p99 ${log.histogram.p99.toFixed(1)}, max ${log.histogram.max.toFixed(1)} ms over the process's life): ${blocks.length} times in the run; GC: ${gcSummary.join("; ") || "none"}`);
  for (const block of blocks.slice(0, 10)) {
    const end = block.at + block.ms * 1000;
    const during = gcs.filter((g) => g.at < end && g.at + g.ms * 1000 > block.at).map((g) => `${g.kind} ${g.ms.toFixed(1)} ms`);
    // What the samples in the block were doing: the deepest lib/ or package frame of each.
    const what = new Map<string, number>();
    for (const sample of inWindow.filter((s) => s.at >= block.at && s.at <= end)) {
      let node: ProfileNode | undefined = byId.get(sample.id);
      let label = node ? frameName(node) : "?";
      for (; node; node = byId.get(parent.get(node.id) ?? -1)) {
        if (/ (lib|~)\//.test(frameName(node))) {
          label = `${frameName(byId.get(sample.id)!)} ← ${frameName(node)}`;
          break;
        }
      }
      what.set(label, (what.get(label) ?? 0) + 1);
    }
    const summary = [...what].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([l, n]) => `${n}× ${l}`);
    console.log(`  ${block.ms.toFixed(1)} ms at +${((block.at - from) / 1e6).toFixed(2)} s; GC during: ${during.join(", ") || "none"}; samples: ${summary.join(" | ") || "none (not on the main thread's JS)"}`);
  }
}
