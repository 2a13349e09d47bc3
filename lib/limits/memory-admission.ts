// Admission in one process: spend and reservations in the credit trackers, windows in the
// memory rate-limit store. Periods' spend is loaded first (that may wait on the ledger);
// the check-and-reserve then runs without yielding, so simultaneous requests are admitted
// one after another, never twice on the same headroom.
import { isPromise } from "../maybe-promise";
import type { AdmissionStore, AdmitOutcome, HoldKind, HoldSpec, WindowSpec } from "./admission-types";
import type { CreditReset } from "./credit-period";
import { getCreditTracker, type CreditState, type CreditTracker } from "./credit-tracker";
import { getRateLimitStore, type ConsumeResult, type RateLimitStore } from "./rate-limiter";
import { getBudgetTracker } from "./user-budget";

const trackerFor = (kind: HoldKind): CreditTracker => (kind === "credit" ? getCreditTracker() : getBudgetTracker());

interface Hold {
  tracker: CreditTracker;
  state: CreditState;
  amount: bigint;
}

export class MemoryAdmissionStore implements AdmissionStore {
  get windows(): RateLimitStore {
    return getRateLimitStore();
  }

  async admit(specs: HoldSpec[], windows: WindowSpec[], now: number): Promise<AdmitOutcome> {
    const states = await Promise.all(specs.map((spec) => loadState(trackerFor(spec.kind), spec.id, spec.reset, now)));

    // From here until the store answers, nothing yields (the memory store answers at once).
    const holds: Hold[] = [];
    const releaseHolds = () => holds.forEach((h) => h.tracker.release(h.state, h.amount));
    for (let i = 0; i < specs.length; i++) {
      const { tracker, state } = states[i];
      const reserved = tracker.reserve(state, specs[i].limitPico, specs[i].amountPico);
      if (!reserved.ok) {
        releaseHolds();
        return { ok: false, hold: i, leftPico: reserved.leftPico };
      }
      holds.push({ tracker, state, amount: specs[i].amountPico });
    }
    const outcome = consumeAll(this.windows, windows, now);
    const refused = isPromise(outcome) ? await outcome : outcome;
    if (refused) {
      releaseHolds();
      return { ok: false, window: refused.index, retryAfterMs: refused.retryAfterMs };
    }
    let done = false;
    return {
      ok: true,
      ticket: {
        settle(actualCostPico) {
          if (done) return;
          done = true;
          holds.forEach((h) => h.tracker.settle(h.state, h.amount, actualCostPico));
        },
        release() {
          if (done) return;
          done = true;
          releaseHolds();
        },
      },
    };
  }

  async spend(kind: HoldKind, id: string, reset: CreditReset, now: number) {
    const { state } = await loadState(trackerFor(kind), id, reset, now);
    return { spentPico: state.spentPico, reservedPico: state.reservedPico };
  }

  forget(kind: HoldKind, id: string): void {
    trackerFor(kind).forget(id);
  }

  reservations(kind: HoldKind) {
    return trackerFor(kind).reservations();
  }
}

async function loadState(tracker: CreditTracker, id: string, reset: CreditReset, now: number): Promise<{ tracker: CreditTracker; state: CreditState }> {
  const current = tracker.current(id, reset, now);
  return { tracker, state: isPromise(current) ? await current : current };
}

/**
 * All windows or none: consumes each in turn and, on the first refusal, refunds the ones
 * already taken. Stays synchronous while the store is.
 */
function consumeAll(store: RateLimitStore, checks: WindowSpec[], now: number): MaybeRefusal | Promise<MaybeRefusal> {
  const taken: WindowSpec[] = [];
  const refuse = (index: number, result: ConsumeResult): MaybeRefusal => {
    for (const done of taken) void store.refund(done.key, done.windowMs, done.amount, now);
    return { index, retryAfterMs: result.retryAfterMs };
  };
  const step = (index: number): MaybeRefusal | Promise<MaybeRefusal> => {
    for (let i = index; i < checks.length; i++) {
      const check = checks[i];
      const result = store.consume(check.key, check.windowMs, check.limit, check.amount, now);
      if (isPromise(result)) {
        return result.then((settled) => {
          if (!settled.allowed) return refuse(i, settled);
          taken.push(check);
          return step(i + 1);
        });
      }
      if (!result.allowed) return refuse(i, result);
      taken.push(check);
    }
    return null;
  };
  return step(0);
}

type MaybeRefusal = { index: number; retryAfterMs: number } | null;
