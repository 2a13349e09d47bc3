// A Postgres server of a test's own (initdb + pg_ctl, data under /tmp), for tests that stop
// and restart the database — which they must not do to the server other test files share.
// Run as root, the server runs as the `postgres` user (runuser), as Postgres requires.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface PrivatePostgres {
  /** The maintenance database's URL (create databases from it). */
  adminUrl: string;
  stop(): void;
  start(): void;
  /** Stops the server and deletes its data. */
  destroy(): void;
}

function binary(name: string): string | null {
  const versions = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const file = path.join("/usr/lib/postgresql", version, "bin", name);
    if (fs.existsSync(file)) return file;
  }
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Whether this machine can start a server of its own (Debian's `postgresql` package). */
export function canStartPrivatePostgres(): boolean {
  return binary("initdb") !== null && binary("pg_ctl") !== null;
}

export function startPrivatePostgres(): PrivatePostgres {
  const initdb = binary("initdb")!;
  const pgCtl = binary("pg_ctl")!;
  const root = process.getuid?.() === 0;
  const as = (command: string, args: string[]) => execFileSync(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args, { stdio: "pipe" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-pg-"));
  fs.chmodSync(dir, 0o777);
  if (root) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = 42000 + Math.floor(Math.random() * 8000);
  as(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "--locale=C.UTF-8", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => void as(pgCtl, ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = () => void as(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
