// The real server as a child process (`npm run api`'s entry point, run by node itself as
// `npm start` runs it: a wrapper process would survive a SIGKILL meant for the server), for
// tests that stop it as operators and crashes do. Every one started is killed after each test.
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach } from "vitest";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output: () => string;
}

const children = new Set<ChildProcess>();
afterEach(() => children.forEach((c) => c.kill("SIGKILL")));

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/api-server.ts", "--no-migrate"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SANDBOX_ENABLED: "true", SANDBOX_SPEED: "1", CATALOG_REFRESH_HOURS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => children.delete(child));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      if (output.includes("API ready")) resolve();
    });
    void exited.then((code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
}
