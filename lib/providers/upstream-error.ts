// One error type for every upstream failure, so the router can decide whether to fall back.
import { STATUS_CODES } from "node:http";
import OpenAI from "openai";
import { OUTBOUND_BLOCKED } from "./outbound-policy";

export class UpstreamError extends Error {
  constructor(
    message: string,
    /** HTTP status from the provider; null for connection failures, drops and timeouts. */
    readonly status: number | null,
    readonly kind: "http" | "connection" | "timeout" | "stream" | "aborted",
  ) {
    super(message);
    this.name = "UpstreamError";
  }

  /** Connection errors, timeouts, 408, 429 and 5xx are worth trying elsewhere. */
  get retryable(): boolean {
    if (this.kind === "aborted") return false;
    if (this.status === null) return true;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export function toUpstreamError(error: unknown, providerLabel: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new UpstreamError("Stopped", null, "aborted");
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new UpstreamError(`${providerLabel} timed out`, null, "timeout");
  if (error instanceof OpenAI.APIConnectionError) {
    return new UpstreamError(`Could not reach ${providerLabel}: ${causeMessage(error)}`, null, "connection");
  }
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    return new UpstreamError(`${providerLabel} answered ${error.status}: ${upstreamMessage(error)}`, error.status, "http");
  }
  if (error instanceof Error && error.name === "AbortError") return new UpstreamError("Stopped", null, "aborted");
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError(`${providerLabel} stream failed: ${message}`, null, "stream");
}

function upstreamMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  if (body && typeof body.message === "string") return body.message;
  return error.message.replace(/^\d{3}\s*/, "") || "error";
}

function causeMessage(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return error.message;
}

/** OpenRouter reports a failure after the first byte as a chunk carrying `error`. */
export function midStreamError(error: { message?: string; code?: number }, providerLabel: string): UpstreamError {
  return new UpstreamError(`${providerLabel}: ${error.message ?? "error mid-stream"}`, error.code ?? null, "stream");
}

const CONNECTION_STATUS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed",
};

/**
 * A failed call in a few words ("401 Unauthorized", "connection refused"): what Settings and
 * the catalog status show. Never the upstream's body, which a base URL pointed at the wrong
 * host could fill with whatever that host wants shown.
 */
export function briefUpstreamStatus(error: unknown): string {
  if (error instanceof OpenAI.APIError && typeof error.status === "number") return `${error.status} ${STATUS_CODES[error.status] ?? "error"}`;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return "timed out";
  for (let cause: unknown = error; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    // The policy's refusal is our own sentence, naming the address and the override.
    if (code === OUTBOUND_BLOCKED) return cause.message;
    if (typeof code === "string" && CONNECTION_STATUS[code]) return CONNECTION_STATUS[code];
    if (typeof code === "string" && /CERT|TLS|SSL/.test(code)) return "TLS certificate not accepted";
  }
  if (error instanceof OpenAI.APIConnectionError) return "could not connect";
  return "unexpected answer";
}
