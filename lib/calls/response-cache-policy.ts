// Whether a call uses the response cache, as its edge reads it from the request: asked for by
// the API key's setting or by `X-Switchyard-Cache: true` (`false` turns a key's setting off
// for one request), for `X-Switchyard-Cache-TTL` seconds or RESPONSE_CACHE_TTL_SECONDS.
// `Cache-Control: no-cache` skips the lookup but stores the fresh answer; `no-store` skips both.
import type { IncomingHttpHeaders } from "node:http";
import { getEnv } from "../env";
import { AppError } from "../errors";

export interface ResponseCachePolicy {
  ttlMs: number;
  /** Answer from a stored answer when there is one. */
  read: boolean;
  /** Store this call's answer. */
  write: boolean;
}

/** A week: longer than that, a stored answer is more likely stale than useful. */
const MAX_TTL_SECONDS = 7 * 24 * 3600;

export function responseCachePolicy(headers: IncomingHttpHeaders, key: { responseCache: boolean } | null): ResponseCachePolicy | null {
  const asked = flagHeader(header(headers, "x-switchyard-cache"));
  if (!(asked ?? key?.responseCache ?? false)) return null;
  const control = (header(headers, "cache-control") ?? "").toLowerCase();
  if (/\bno-store\b/.test(control)) return null;
  return { ttlMs: ttlSeconds(header(headers, "x-switchyard-cache-ttl")) * 1000, read: !/\bno-cache\b/.test(control), write: true };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function flagHeader(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (["true", "1", "on", "yes"].includes(text)) return true;
  if (["false", "0", "off", "no"].includes(text)) return false;
  throw new AppError(400, "X-Switchyard-Cache must be true or false", "invalid_request", "X-Switchyard-Cache");
}

function ttlSeconds(value: string | undefined): number {
  if (value === undefined) return getEnv().RESPONSE_CACHE_TTL_SECONDS;
  const seconds = Number(value.trim());
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TTL_SECONDS) {
    throw new AppError(400, `X-Switchyard-Cache-TTL must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`, "invalid_request", "X-Switchyard-Cache-TTL");
  }
  return seconds;
}
