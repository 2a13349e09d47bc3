// Which client and scheme a request came from. A reverse proxy listed in TRUSTED_PROXY says so
// in X-Forwarded-For / -Proto / -Host; from anyone else those headers are whatever the client
// typed, so they are replaced with what the socket knows before any handler (or Next) reads
// them. Route code then reads them as facts (lib/http/request-origin.ts).
import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";
import type { TLSSocket } from "node:tls";
import { getEnv } from "../env";
import { familyOf, listIncludes, parseAddressList, plainAddress } from "../http/ip-address";

let parsedFor: ReturnType<typeof getEnv> | undefined;
let parsed: BlockList | null = null;

/** The proxies whose forwarded headers are believed; null when none is configured. Throws on a bad TRUSTED_PROXY. */
export function trustedProxies(): BlockList | null {
  const env = getEnv();
  if (parsedFor !== env) {
    parsed = env.TRUSTED_PROXY ? parseAddressList(env.TRUSTED_PROXY, "TRUSTED_PROXY") : null;
    parsedFor = env;
  }
  return parsed;
}

export function settleForwardedHeaders(req: IncomingMessage): void {
  const headers = req.headers;
  const peer = plainAddress(req.socket.remoteAddress ?? "unknown");
  const socketProto = (req.socket as TLSSocket).encrypted ? "https" : "http";
  const proxies = trustedProxies();
  if (proxies && listIncludes(proxies, peer)) {
    headers["x-forwarded-for"] = clientBehind(proxies, peer, headers["x-forwarded-for"]);
    const proto = first(headers["x-forwarded-proto"]);
    headers["x-forwarded-proto"] = proto === "https" || proto === "http" ? proto : socketProto;
    const host = first(headers["x-forwarded-host"]);
    if (host) headers["x-forwarded-host"] = host;
    else delete headers["x-forwarded-host"];
    return;
  }
  delete headers["x-forwarded-host"];
  delete headers.forwarded;
  headers["x-forwarded-for"] = peer;
  headers["x-forwarded-proto"] = socketProto;
}

/** Each proxy appends the address it saw: the client is the last one that is not itself a trusted proxy. */
function clientBehind(proxies: BlockList, peer: string, header: string | string[] | undefined): string {
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((a) => plainAddress(a)).filter(Boolean);
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!familyOf(chain[i])) break;
    client = chain[i];
    if (!listIncludes(proxies, client)) break;
  }
  return client;
}

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim().toLowerCase() || undefined;
}
