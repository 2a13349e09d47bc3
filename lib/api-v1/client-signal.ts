// An API call stops when its client goes away: the socket closing before the answer was
// finished aborts the call (reason "client"), which the engine settles as stopped.
import type { ServerResponse } from "node:http";

export function clientSignal(res: ServerResponse): AbortSignal {
  const client = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) client.abort("client");
  });
  return client.signal;
}
