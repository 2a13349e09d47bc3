// A cache for what every request asks about (sessions, users' state): fresh for a few
// seconds, then served while one background read refreshes it, so no request waits on the
// database for something it already knew. Concurrent misses share one read. Dropping an
// entry also discards reads already under way, so a sign-out cannot be undone by a read
// that started before it. One per process (the caller keeps it with processSingleton): Next
// bundles every route separately, and all of them must see the same entries and invalidations.

interface Entry<V> {
  value: V;
  at: number;
}

export interface RefreshingCacheOptions<V> {
  freshMs: number;
  /** How long an entry may be served while it is being refreshed. */
  staleMs: number;
  maxEntries: number;
  /** Whether a value may be served stale (a missing session, say, is always read again). */
  servesStale?: (value: V) => boolean;
  label: string;
}

export class RefreshingCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private invalidations = 0;

  constructor(
    private readonly load: (key: string) => Promise<V>,
    private readonly options: RefreshingCacheOptions<V>,
  ) {}

  get(key: string): V | Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.options.freshMs) return hit.value;
    if (hit && now - hit.at < this.options.staleMs && (this.options.servesStale?.(hit.value) ?? true)) {
      void this.read(key).catch((error) => console.warn(`[auth] could not refresh ${this.options.label}:`, error));
      return hit.value;
    }
    return this.read(key);
  }

  delete(key: string): void {
    this.invalidations++;
    this.entries.delete(key);
  }

  deleteWhere(matches: (value: V) => boolean): void {
    this.invalidations++;
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }

  private read(key: string): Promise<V> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.readAndKeep(key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async readAndKeep(key: string): Promise<V> {
    const startedAt = this.invalidations;
    const at = Date.now();
    const value = await this.load(key);
    if (startedAt === this.invalidations) {
      if (this.entries.size >= this.options.maxEntries) this.entries.clear();
      this.entries.set(key, { value, at });
    }
    return value;
  }
}
