// The load generator of the router benchmarks: SSE requests over a keep-alive agent, the two
// load shapes of issue 12 ("steady" and "burst"), and the app's CPU time over a run.
import http from "node:http";
import { processCpuMs, threadCpuMs } from "./cpu";

const agent = new http.Agent({ keepAlive: true, maxSockets: 5000 });

/** What one request brought: the time to the first token of each stream it carried (one for
 * the API, one per column for the chatroom) and how many of those streams ended complete. */
export interface Sample {
  ttfts: number[];
  complete: number;
  /** The longest wait between two content chunks (OpenAI-style streams). */
  worstGapMs?: number;
}

export type SseHandler = (event: string, data: string) => void;

/** POSTs `body` and hands each SSE event to `onEvent`; resolves with the request's start time
 * once the response has ended (so handlers can time against it). */
export function postSse(url: string, headers: Record<string, string>, body: object, onEvent: (event: string, data: string, started: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`${url} answered ${res.statusCode}`));
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          let data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data += line.slice(line.startsWith("data: ") ? 6 : 5);
          }
          if (data) onEvent(event, data, started);
        }
      });
      res.on("end", () => resolve());
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

/** An OpenAI-style chat.completion.chunk stream: first content chunk, complete when all
 * `deltas` content chunks and [DONE] came. */
export async function openAiStream(url: string, headers: Record<string, string>, body: object, deltas: number): Promise<Sample> {
  let ttft = -1;
  let chunks = 0;
  let done = false;
  let last = 0;
  let worstGapMs = 0;
  await postSse(url, headers, body, (_event, data, started) => {
    if (data === "[DONE]") done = true;
    else if (data.includes('"content":"tok') || data.includes('"content":" tok')) {
      const now = performance.now();
      if (ttft < 0) ttft = now - started;
      else worstGapMs = Math.max(worstGapMs, now - last);
      last = now;
      chunks += 1;
    }
  });
  return { ttfts: ttft < 0 ? [] : [ttft], complete: chunks === deltas && done ? 1 : 0, worstGapMs };
}

/** POSTs `body` and reads the whole answer; resolves with the time it took (ms). */
export function postJson(url: string, headers: Record<string, string>, body: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(performance.now() - started));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

/** A chatroom turn: each column's first `text` event; columns that ended "done" are complete. */
export async function chatTurn(url: string, headers: Record<string, string>, body: object): Promise<Sample> {
  const first = new Map<string, number>();
  let complete = 0;
  await postSse(url, headers, body, (event, data, started) => {
    if (event === "text") {
      const columnId = (JSON.parse(data) as { columnId: string }).columnId;
      if (!first.has(columnId)) first.set(columnId, performance.now() - started);
    } else if (event === "column-end" && data.includes('"status":"done"')) complete += 1;
  });
  return { ttfts: [...first.values()], complete };
}

/** `clients` clients, each sending `perClient` requests back to back, their first starts spread
 * over `spanMs` (one stream's length): requests arrive continuously, as in production. */
export async function steady(send: () => Promise<Sample>, clients: number, perClient: number, spanMs: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * spanMs) / clients));
      for (let n = 0; n < perClient; n++) samples.push(await send());
    }),
  );
  return samples;
}

/** `rounds` bursts of `size` requests sent in the same instant, each after the last has ended. */
export async function burst(send: () => Promise<Sample>, size: number, rounds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    samples.push(...(await Promise.all(Array.from({ length: size }, send))));
    await new Promise((r) => setTimeout(r, 250));
  }
  return samples;
}

export interface Measured {
  ttfts: number[];
  /** Streams (API calls, chat columns) that ended complete. */
  streams: number;
  /** Streams expected: all requests sent times the streams each carries. */
  expected: number;
  /** CPU time (ms) over the run of each process named in `pids`, and of this one ("loadgen"). */
  cpuMs: Record<string, number>;
  /** CPU time (ms) over the run of each thread (by name) of the "server" process. */
  serverThreadsMs: Record<string, number>;
  wallMs: number;
  /** The run on the monotonic clock in µs (the clock of V8's CPU profiles), to cut a profile to it. */
  window: [number, number];
}

/** Runs a load, reading the CPU time of these processes (and of each thread of "server") before and after (ledger rows commit
 * within 50 ms of a call's end: the reading waits 250 ms for them, for the bare relay alike). */
export async function measure(load: () => Promise<Sample[]>, streamsPerRequest: number, pids: Record<string, number>): Promise<Measured> {
  const read = (): Record<string, number> => ({ ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)])), loadgen: cpuOfThisProcess() });
  const threads = () => (pids.server === undefined ? {} : threadCpuMs(pids.server));
  const before = read();
  const threadsBefore = threads();
  const started = performance.now();
  const from = monotonicUs();
  const samples = await load();
  const to = monotonicUs();
  const wallMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 250));
  const after = read();
  const threadsAfter = threads();
  return {
    ttfts: samples.flatMap((s) => s.ttfts),
    streams: samples.reduce((n, s) => n + s.complete, 0),
    expected: samples.length * streamsPerRequest,
    cpuMs: Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]])),
    serverThreadsMs: Object.fromEntries(Object.keys(threadsAfter).map((name) => [name, threadsAfter[name] - (threadsBefore[name] ?? 0)])),
    wallMs,
    window: [from, to],
  };
}

/** Several measurements of one target as one: samples and CPU times pooled. */
export function mergeMeasured(runs: Measured[]): Measured {
  const sum = (pick: (m: Measured) => Record<string, number>) => {
    const total: Record<string, number> = {};
    for (const m of runs) for (const [name, ms] of Object.entries(pick(m))) total[name] = (total[name] ?? 0) + ms;
    return total;
  };
  return {
    ttfts: runs.flatMap((m) => m.ttfts),
    streams: runs.reduce((n, m) => n + m.streams, 0),
    expected: runs.reduce((n, m) => n + m.expected, 0),
    cpuMs: sum((m) => m.cpuMs),
    serverThreadsMs: sum((m) => m.serverThreadsMs),
    wallMs: runs.reduce((n, m) => n + m.wallMs, 0),
    window: [runs[0].window[0], runs[runs.length - 1].window[1]],
  };
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

function cpuOfThisProcess(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
