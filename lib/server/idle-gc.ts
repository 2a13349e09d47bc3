// Gives memory back after a burst of traffic. V8 keeps the heap it grew under load and
// returns it to the system only lazily, so a server that served ten thousand requests and
// then went quiet could sit on a quarter more memory for a long time. Once requests stop
// for a few seconds after a busy spell, one full garbage collection runs (a pause of tens of
// milliseconds, taken only when nothing is being served) and V8 releases the freed pages.
import type { ServerResponse } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";

const QUIET_MS = 5_000;
const BUSY_REQUESTS = 500;

let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  } catch {
    collect = null;
  }
  return collect;
}

/** Call once per request; after a busy spell, once nothing is in flight for a while, the heap is compacted. */
export function createIdleCollector(): { onRequest(res: ServerResponse): void; stop(): void } {
  let served = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    onRequest(res) {
      served++;
      inFlight++;
      clearTimeout(timer);
      res.once("close", () => {
        inFlight--;
        if (inFlight > 0 || served < BUSY_REQUESTS) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          served = 0;
          gcFunction()?.();
        }, QUIET_MS);
        timer.unref();
      });
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
