// Where admission keeps its state: in this process (one instance) or in Redis (several),
// chosen once from REDIS_URL. admit.ts decides which limits apply and words the refusals;
// a store only checks and reserves them, all together, as one step.
import { processSingleton } from "../process-singleton";
import { redisEnabled } from "../redis/client";
import type { AdmissionStore } from "./admission-types";
import { MemoryAdmissionStore } from "./memory-admission";
import { RedisAdmissionStore } from "./redis-admission";

export type { AdmissionStore, AdmissionTicket, AdmitOutcome, HoldKind, HoldSpec, WindowSpec } from "./admission-types";

export function getAdmissionStore(): AdmissionStore {
  return processSingleton<AdmissionStore>("admission-store", () => (redisEnabled() ? new RedisAdmissionStore() : new MemoryAdmissionStore()));
}
