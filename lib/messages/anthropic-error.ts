// Errors of the Messages API in Anthropic's shape: {"type":"error","error":{"type","message"},
// "request_id"}, with Anthropic's error type for each status.
import type { ServerResponse } from "node:http";
import { sendApiError } from "../api-v1/api-error";

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  405: "invalid_request_error",
  408: "timeout_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  502: "api_error",
  503: "overloaded_error",
};

export function anthropicErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

export function anthropicErrorBody(status: number, message: string): string {
  return JSON.stringify({ type: "error", error: { type: anthropicErrorType(status), message }, request_id: null });
}

export function sendAnthropicError(res: ServerResponse, error: unknown): void {
  sendApiError(res, error, anthropicErrorBody);
}
