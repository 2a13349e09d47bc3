// CPU time and memory of a process from /proc, and taskset pinning: what the "one core"
// benchmarks (issue 12) measure with. Linux only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** utime + stime of the whole process in ms: /proc/<pid>/stat of a process sums all its
 * threads, those that already exited included (the worker that commits ledger rows, V8's
 * GC helpers, libuv's pool). Resolution: one clock tick (10 ms). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name is in parentheses and may hold spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time (ms) of each thread of a process, as "main thread" or "<name>#<tid>" (Node 20 leaves
 * V8's GC and compiler helpers and worker threads named "node"), so a run can tell the event
 * loop's share from the helpers'. */
export function threadCpuMs(pid: number): Record<string, number> {
  const byThread: Record<string, number> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      byThread[tid === String(pid) ? "main thread" : `${name}#${tid}`] = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      // It exited while we looked.
    }
  }
  return byThread;
}

/** Resident memory (MiB) of `root` and every process below it. */
export function treeRssMiB(root: number): number {
  let kib = 0;
  for (const pid of processTree(root)) {
    try {
      kib += Number(/VmRSS:\s*(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // It exited while we looked.
    }
  }
  return kib / 1024;
}

/** The command line that runs `command` on these CPUs (taskset's list, e.g. "1"); as is when null.
 * taskset execs the command, so the pid spawned is the command's, and every thread and child
 * process it starts inherits the mask. */
export function pinned(cpus: string | null, command: string, args: string[]): [string, string[]] {
  return cpus === null ? [command, args] : ["taskset", ["-c", cpus, command, ...args]];
}

/** Moves every thread of a running process (e.g. this one) to these CPUs. */
export function pinRunning(pid: number, cpus: string): void {
  execFileSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
}

/** The CPUs each thread of a process may run on, e.g. { "1": 11 } for eleven threads on CPU 1. */
export function threadAffinity(pid: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const status = fs.readFileSync(`/proc/${pid}/task/${tid}/status`, "utf8");
    const cpus = /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? "?";
    counts[cpus] = (counts[cpus] ?? 0) + 1;
  }
  return counts;
}

/** `root` and every process below it (a wrapper such as tsx's CLI starts the real one as a child). */
export function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // It exited while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]) ?? []));
  return tree;
}

/** The process in `root`'s tree that listens on this TCP port: the one that serves, whatever
 * wrapper started it. */
export function servingPid(root: number, port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address "0100007F:0D05", st "0A" = LISTEN, inode in column 9.
      if (cols.length > 9 && cols[1].endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  for (const pid of processTree(root)) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      const inode = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode && inodes.has(inode)) return pid;
    }
  }
  throw new Error(`No process under ${root} listens on port ${port}`);
}

function safeReadlink(path: string): string {
  try {
    return fs.readlinkSync(path);
  } catch {
    return "";
  }
}

/** The 1-, 5- and 15-minute load averages, as the machine is shared. */
export function loadAverage(): string {
  return fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}
