// Errors under /api/v1 use OpenAI's shape: {"error":{"message","type","code","param"}}.
import type { ServerResponse } from "node:http";
import { sendApiError } from "./api-error";

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "insufficient_quota",
  403: "permission_error",
  404: "not_found_error",
  408: "timeout_error",
  413: "invalid_request_error",
  429: "rate_limit_error",
  502: "upstream_error",
  503: "service_unavailable",
};

export function openAiErrorBody(status: number, message: string, code: string | null, param: string | null = null): string {
  return JSON.stringify({ error: { message, type: TYPE_BY_STATUS[status] ?? "api_error", code, param } });
}

export function sendOpenAiError(res: ServerResponse, error: unknown): void {
  sendApiError(res, error, openAiErrorBody);
}
