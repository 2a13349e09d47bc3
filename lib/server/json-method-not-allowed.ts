// Next answers a method a route file does not export with an empty 405 (no body, no type):
// under /api it gets the API's JSON error shape instead, like every other refusal there.
import type http from "node:http";
import { apiErrorBodyFor } from "./lean-routes";

export function jsonMethodNotAllowed(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = (req.url ?? "").split("?")[0];
  if (!path.startsWith("/api/")) return;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    if (res.statusCode === 405 && !res.headersSent && !res.hasHeader("content-type") && args.length === 0) {
      res.setHeader("content-type", "application/json");
      res.removeHeader("content-length");
      return end(apiErrorBodyFor(path)(405, `Method ${req.method} is not allowed here`, "method_not_allowed"));
    }
    return end(...args);
  }) as typeof res.end;
}
