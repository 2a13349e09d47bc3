// Runs the sandbox as its own process: `npm run sandbox --  --port 4010 --speed 1`.
// Point SANDBOX_BASE_URL (or any OpenAI client) at the printed URL.
import { parseArgs } from "node:util";
import { startSandboxServer } from "../providers/sandbox/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    speed: { type: "string", default: "1" },
  },
});

const port = Number(values.port);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
if (!(speed > 0)) throw new Error(`--speed must be a positive number, got ${values.speed}`);

const server = await startSandboxServer({ port, host: values.host, speed });
console.log(`Sandbox (simulated models) listening at ${server.url} (speed x${speed})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
