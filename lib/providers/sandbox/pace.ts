// Timing of a simulated completion: the first token after ttft, then one token every
// 1/tokensPerSecond. Times are scheduled from the start, so a slow consumer or timer jitter
// does not make the whole answer drift later and later.
import type { SandboxModel } from "./models";

/** At or above this speed multiplier the sandbox does not wait at all. */
export const NO_DELAY_SPEED = 1000;

export class Pacer {
  private readonly start = performance.now();
  private readonly ttftMs: number;
  private readonly tokenMs: number;

  constructor(
    model: SandboxModel,
    speed: number,
    slow: boolean,
    private readonly signal: AbortSignal,
  ) {
    const noDelay = speed >= NO_DELAY_SPEED;
    const factor = (slow ? 10 : 1) / speed;
    this.ttftMs = noDelay ? 0 : model.ttftMs * factor;
    this.tokenMs = noDelay ? 0 : (1000 / model.tokensPerSecond) * factor;
  }

  /** Waits until token number `index` (0 = the first token) is due; rejects when aborted. */
  async until(index: number): Promise<void> {
    throwIfAborted(this.signal);
    const due = this.start + this.ttftMs + index * this.tokenMs;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait, this.signal);
  }
}

export function abortError(): DOMException {
  return new DOMException("This operation was aborted", "AbortError");
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
