// The pool every provider request goes through (upstreamAgent), whose connections obey the
// outbound policy (outbound-policy.ts) on the address they actually connect to; `fastFetch`,
// the `fetch` the SDK uses on it (undici's lean `request` wrapped as a Web Response: Node's
// global fetch costs close to a millisecond more per call); and `pushBody`, which reads a body
// without a promise per chunk.
import type { Readable } from "node:stream";
import { Agent, buildConnector, request } from "undici";
import { processSingleton } from "../process-singleton";
import { guardedLookup, refusalForHost } from "./outbound-policy";

const connectGuarded = buildConnector({ lookup: guardedLookup });

/** Literal addresses skip the lookup, so the policy sees the host first. */
const connect: buildConnector.connector = (options, callback) => {
  const refusal = refusalForHost(options.hostname);
  if (refusal) return callback(refusal, null);
  connectGuarded(options, callback);
};

/** The keep-alive pool every provider request uses (the engine's calls and the SDK's alike). */
export function upstreamAgent(): Agent {
  return processSingleton("upstream-agent", () => new Agent({ connections: null, pipelining: 1, connect }));
}

type FetchInput = string | URL | Request;

export async function fastFetch(input: FetchInput, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  // A Request or a streamed body (never sent by the SDK's JSON calls) is read into bytes first, so it takes the same guarded pool.
  if (input instanceof Request || (body !== undefined && body !== null && typeof body !== "string" && !(body instanceof Uint8Array))) {
    const flat = new Request(input, init);
    return fastFetch(flat.url, { method: flat.method, headers: flat.headers, body: flat.body ? new Uint8Array(await flat.arrayBuffer()) : undefined, signal: init.signal ?? (input instanceof Request ? input.signal : undefined) });
  }
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const response = await request(input.toString(), {
    method: (init.method ?? "GET") as "GET",
    headers,
    body: body ?? undefined,
    signal: init.signal ?? undefined,
    dispatcher: upstreamAgent(),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) value.forEach((v) => responseHeaders.append(name, v));
    else if (value !== undefined) responseHeaders.set(name, value);
  }
  const noBody = response.statusCode === 204 || response.statusCode === 304 || init.method === "HEAD";
  if (noBody) response.body.resume();
  return new Response(noBody ? null : lazyWebStream(response.body), { status: response.statusCode, headers: responseHeaders });
}

/** A Web stream that reads the Node stream only when pulled. */
function lazyWebStream(node: Readable): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      chunks ??= node[Symbol.asyncIterator]();
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    },
    cancel(reason) {
      node.destroy(reason instanceof Error ? reason : undefined);
    },
    // No read-ahead: a stream pulls to fill its queue as soon as it exists otherwise.
  }, { highWaterMark: 0 });
}

/**
 * Pushes a body to `onBytes` and resolves at its end. A socket's own Node stream is read with
 * 'data' events: no promise per chunk. A Web stream (the in-process sandbox, a replayed
 * answer) is read through its reader. If `onBytes` throws, reading stops with that error.
 * `signal` ends the read (quietly: the caller's signal says why) even if the body's source does
 * not watch it; undici destroys a socket's stream itself on abort.
 */
export function pushBody(body: Readable | ReadableStream<Uint8Array> | null, onBytes: (bytes: Uint8Array) => void, signal?: AbortSignal): Promise<void> {
  if (body === null) return Promise.resolve();
  return body instanceof ReadableStream ? pushWeb(body, onBytes, signal) : pushNode(body, onBytes);
}

function pushNode(node: Readable, onBytes: (bytes: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      node.off("data", onData);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onData = (bytes: Buffer) => {
      try {
        onBytes(bytes);
      } catch (error) {
        finish(error);
        node.destroy();
      }
    };
    node.on("data", onData);
    node.once("end", () => finish());
    node.once("error", (error) => finish(error));
    // Destroyed without an error (an abort): the caller's signal says why.
    node.once("close", () => finish(node.readableEnded ? undefined : new Error("The upstream body was closed")));
  });
}

async function pushWeb(body: ReadableStream<Uint8Array>, onBytes: (bytes: Uint8Array) => void, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  // Cancelling resolves the pending read as done, and tells the source to stop.
  const cancel = () => void reader.cancel(signal?.reason).catch(() => {});
  if (signal?.aborted) cancel();
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  } finally {
    signal?.removeEventListener("abort", cancel);
    reader.releaseLock();
  }
}
