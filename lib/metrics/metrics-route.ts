// GET /metrics: the Prometheus text format, for a scraper with `Authorization: Bearer
// $METRICS_TOKEN` or for a signed-in admin. Off (404) unless METRICS_TOKEN is set or
// METRICS_ENABLED=true.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { userFromCookieHeader } from "../auth/current-user";
import { getEnv } from "../env";
import { getMetrics } from "./registry";

export function metricsEnabled(): boolean {
  const env = getEnv();
  return env.METRICS_ENABLED ?? env.METRICS_TOKEN !== undefined;
}

export async function handleMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.resume();
  if (!metricsEnabled()) return sendError(res, 404, "No route GET /metrics", "not_found");
  if (!(bearerMatches(req.headers.authorization) || (await isAdmin(req)))) {
    res.setHeader("www-authenticate", 'Bearer realm="metrics"');
    return sendError(res, 401, "Send Authorization: Bearer <METRICS_TOKEN>, or sign in as an admin", "unauthorized");
  }
  const { register } = getMetrics();
  const body = await register.metrics();
  res.writeHead(200, { "content-type": register.contentType, "cache-control": "no-store" });
  res.end(body);
}

function bearerMatches(header: string | undefined): boolean {
  const token = getEnv().METRICS_TOKEN;
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (!token || !sent) return false;
  // Hashes have one length, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

async function isAdmin(req: IncomingMessage): Promise<boolean> {
  const user = await userFromCookieHeader(req.headers.cookie ?? null);
  return user?.role === "admin";
}

function sendError(res: ServerResponse, status: number, message: string, code: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { message, code, param: null } }));
}
