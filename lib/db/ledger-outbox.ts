// The durable outbox: ledger writes that could not reach the database (an outage, a restart
// of Postgres) are appended to a local file and fsync'd before the call is told they are
// saved; they are replayed in order when the database answers again. Replayed statements are
// idempotent (lib/db/hot-statements.ts REPLAYABLE), so a replay cut short by a crash is simply
// run again on the next start: each row ends up written exactly once.
//
// Files, in the outbox folder: `<name>.jsonl` takes appends; a replay first renames it to
// `<name>.<time>.replay.jsonl` (so appends made meanwhile start a new file) and deletes it once
// every entry is committed. Entries the database refuses for good go to `<name>.failed.jsonl`.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "./database-url";
import type { HotWrite } from "./hot-statements";

/** What the database said to one replayed entry. */
export type ReplayOutcome = "ok" | "unavailable" | { error: string };

export type ReplaySender = (entries: HotWrite[][]) => Promise<ReplayOutcome[]>;

const CHUNK = 200;

/** JSON with BigInt (picodollars past 2^53) kept exact. */
const encode = (entry: HotWrite[]) => JSON.stringify(entry, (_, value) => (typeof value === "bigint" ? { $bigint: value.toString() } : value));
const decode = (line: string) =>
  JSON.parse(line, (_, value) => (value && typeof value === "object" && typeof value.$bigint === "string" ? BigInt(value.$bigint) : value)) as HotWrite[];

export class LedgerOutbox {
  private readonly active: string;
  private fd: number | null = null;
  private waiting: boolean;

  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {
    this.active = path.join(dir, `${name}.jsonl`);
    this.waiting = this.replayFiles().length > 0 || size(this.active) > 0;
  }

  /** Entries are waiting: new ledger writes must queue behind them to keep their order. */
  pending(): boolean {
    return this.waiting;
  }

  /** Appends entries and fsyncs them: once this returns, they survive a crash. */
  append(entries: HotWrite[][]): void {
    if (entries.length === 0) return;
    if (this.fd === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.fd = fs.openSync(this.active, "a", 0o600);
    }
    fs.writeSync(this.fd, entries.map((entry) => encode(entry) + "\n").join(""));
    fs.fsyncSync(this.fd);
    this.waiting = true;
  }

  /** Replays every waiting entry, oldest first. Stops at the first sign the database is still away. */
  async replay(send: ReplaySender): Promise<"done" | "unavailable"> {
    for (;;) {
      this.rotate();
      const files = this.replayFiles();
      if (files.length === 0) {
        this.waiting = false;
        return "done";
      }
      for (const file of files) {
        if ((await this.replayFile(file, send)) === "unavailable") return "unavailable";
        fs.rmSync(file);
        syncDirectory(this.dir);
      }
    }
  }

  private async replayFile(file: string, send: ReplaySender): Promise<"done" | "unavailable"> {
    const entries = readEntries(file);
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const outcomes = await send(chunk);
      if (outcomes.includes("unavailable")) return "unavailable";
      const refused = chunk.filter((_, j) => typeof outcomes[j] === "object");
      if (refused.length > 0) {
        console.error(`[ledger] the database refused ${refused.length} replayed ledger writes; kept in ${this.name}.failed.jsonl:`, outcomes.find((o) => typeof o === "object"));
        fs.appendFileSync(path.join(this.dir, `${this.name}.failed.jsonl`), refused.map((entry) => encode(entry) + "\n").join(""));
      }
    }
    return "done";
  }

  /** Moves the appended entries aside for replay; later appends start a new file. */
  private rotate(): void {
    if (size(this.active) === 0) return;
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.renameSync(this.active, path.join(this.dir, `${this.name}.${Date.now().toString().padStart(15, "0")}.replay.jsonl`));
    syncDirectory(this.dir);
  }

  private replayFiles(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    const prefix = `${this.name}.`;
    return fs
      .readdirSync(this.dir)
      .filter((file) => file.startsWith(prefix) && file.endsWith(".replay.jsonl"))
      .sort()
      .map((file) => path.join(this.dir, file));
  }
}

/**
 * The outbox of the instance serving `port` on the database at `url`, in the data folder
 * (dataDirectory), named per database and port so instances sharing a folder keep their own
 * (none for an in-memory database).
 */
export function ledgerOutboxFor(url: string, port: number, dataDir?: string): LedgerOutbox | null {
  const dir = dataDirectory(url, dataDir);
  if (!dir) return null;
  const database = createHash("sha256").update(url).digest("hex").slice(0, 10);
  return new LedgerOutbox(path.resolve(dir), `ledger-outbox-${database}-${port}`);
}

function size(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** A crash can tear the last line (it was never acknowledged): skip what does not parse. */
function readEntries(file: string): HotWrite[][] {
  const entries: HotWrite[][] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      entries.push(decode(line));
    } catch {
      console.warn(`[ledger] skipped a torn line in ${path.basename(file)}`);
    }
  }
  return entries;
}

/** Renames and deletions are durable only once the folder itself is synced. */
function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
