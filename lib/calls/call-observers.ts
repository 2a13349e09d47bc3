// Who watches calls end (metrics, lib/metrics): each observer hears every call once, after it
// settled, with its outcome, and every refusal before a call was made. The engine's own
// accounting stays in settle-call.ts; observers only read what it produced.
import { processSingleton } from "../process-singleton";
import type { CallOutcome } from "./call-outcome";
import type { CallSpec } from "./call-spec";

export interface CallObserver {
  settled?(spec: CallSpec, outcome: CallOutcome): void;
  /** Planning or admission refused the call (an AppError: 400, 402, 403, 404, 429, 503). */
  refused?(spec: CallSpec, error: unknown): void;
}

const observers = () => processSingleton("call-observers", () => new Map<string, CallObserver>());

/** Registers (or replaces) the observer named `name`. */
export function observeCalls(name: string, observer: CallObserver): void {
  observers().set(name, observer);
}

export function notifySettled(spec: CallSpec, outcome: CallOutcome): CallOutcome {
  for (const observer of observers().values()) guard(() => observer.settled?.(spec, outcome));
  return outcome;
}

export function notifyRefused(spec: CallSpec, error: unknown): void {
  for (const observer of observers().values()) guard(() => observer.refused?.(spec, error));
}

/** An observer's failure is its own: the call and the other observers go on. */
function guard(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error("[calls] a call observer failed:", error);
  }
}
