// A model call's HTTP request: the shaped chat-completions body, serialised once, POSTed to
// the provider's `/chat/completions` on the guarded keep-alive pool (or answered in-process by
// the built-in sandbox, with the same bytes it serves over HTTP). Leaner than the SDK's
// request path (no per-call header building, request logging, timers or Web streams): on the
// relay path those cost most of a millisecond per call. A non-2xx answer becomes an
// UpstreamError carrying the provider's own message, as the SDK would have reported it.
import type { Readable } from "node:stream";
import { request } from "undici";
import { getEnv } from "../env";
import { upstreamAgent } from "./fast-fetch";
import { requestHeaders } from "./provider-headers";
import { usesInProcessSandbox, type ProviderConfig } from "./registry";
import { handleSandboxRequest } from "./sandbox/handler";
import { UpstreamError } from "./upstream-error";

export interface UpstreamResponse {
  status: number;
  body: Readable | ReadableStream<Uint8Array> | null;
}

export async function postChatCompletion(provider: ProviderConfig, params: unknown, signal: AbortSignal): Promise<UpstreamResponse> {
  const url = `${provider.baseUrl}/chat/completions`;
  const body = JSON.stringify(params);
  if (usesInProcessSandbox(provider)) {
    const response = await handleSandboxRequest(new Request(url, { method: "POST", headers: requestHeaders(provider), body }), { speed: getEnv().SANDBOX_SPEED, signal });
    return checked(provider, { status: response.status, body: response.body });
  }
  const response = await request(url, { method: "POST", headers: requestHeaders(provider), body, signal, dispatcher: upstreamAgent() });
  return checked(provider, { status: response.statusCode, body: response.body });
}

const MAX_ERROR_BODY = 64 * 1024;

async function checked(provider: ProviderConfig, response: UpstreamResponse): Promise<UpstreamResponse> {
  if (response.status >= 200 && response.status < 300) return response;
  const text = await readBodyText(response.body, MAX_ERROR_BODY);
  throw new UpstreamError(`${provider.label} answered ${response.status}: ${errorMessageOf(text, response.status)}`, response.status, "http");
}

/** The message an OpenAI-compatible error body carries ({"error":{"message"}} or {"message"}), else its text. */
export function errorMessageOf(text: string, status: number): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof json.error === "string" ? json.error : (json.error?.message ?? json.message);
    if (typeof message === "string" && message.trim()) return message.trim();
  } catch {
    // Not JSON: the text itself, shortened.
  }
  return text.trim().slice(0, 300) || `status ${status}`;
}

/** A whole body as text (an error body is read up to `limit`; a body cut short gives what came). */
export async function readBodyText(body: UpstreamResponse["body"], limit = Infinity): Promise<string> {
  if (!body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      if (size < limit) chunks.push(chunk);
      size += chunk.byteLength;
    }
  } catch (error) {
    // An error body cut short still has a status that says what happened; an answer does not.
    if (limit === Infinity) throw error;
  }
  return Buffer.concat(chunks).toString("utf8");
}
