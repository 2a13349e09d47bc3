// Keys seen recently, by hash, so authenticating a request is a map lookup. Entries are
// checked against the database again after a short time, which also picks up revocations
// made by another process (the CLI); revokeApiKey in this process drops the entry at once.
import type { ApiKey } from "@prisma/client";
import { processSingleton } from "../process-singleton";
import { broadcast, onBroadcast } from "../redis/bus";

export const FOUND_TTL_MS = 10_000;
export const MISSING_TTL_MS = 5_000;
const MAX_MISSING = 10_000;

interface Entry {
  row: ApiKey | null;
  fetchedAt: number;
}

export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private missing = 0;

  get(hash: string, now: number): ApiKey | null | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (now - entry.fetchedAt > (entry.row ? FOUND_TTL_MS : MISSING_TTL_MS)) {
      this.delete(hash);
      return undefined;
    }
    return entry.row;
  }

  set(hash: string, row: ApiKey | null, now: number): void {
    this.delete(hash);
    if (!row) {
      // Guessed keys must not grow memory without bound: forget unknown ones first.
      if (this.missing >= MAX_MISSING) this.dropMissing();
      this.missing++;
    }
    this.entries.set(hash, { row, fetchedAt: now });
  }

  delete(hash: string): void {
    const entry = this.entries.get(hash);
    if (!entry) return;
    if (!entry.row) this.missing--;
    this.entries.delete(hash);
  }

  deleteById(id: string): void {
    for (const [hash, entry] of this.entries) if (entry.row?.id === id) this.delete(hash);
  }

  clear(): void {
    this.entries.clear();
    this.missing = 0;
  }

  private dropMissing(): void {
    for (const [hash, entry] of this.entries) if (!entry.row) this.entries.delete(hash);
    this.missing = 0;
  }
}

/** One per process: the revoke route and the /api/v1 routes are separate bundles in Next. */
export function getApiKeyCache(): ApiKeyCache {
  return processSingleton("api-key-cache", () => new ApiKeyCache());
}

/** When each key's lastUsedAt was last written, to write it at most once a minute. */
export function getTouchTimes(): Map<string, number> {
  return processSingleton("api-key-touched", () => new Map<string, number>());
}

onBroadcast<string>("api-key-changed", (hash) => getApiKeyCache().delete(hash));

/** A key was revoked: every instance reads it again on its next use. */
export async function forgetApiKey(hash: string): Promise<void> {
  await broadcast("api-key-changed", hash);
}
