// The scale-out suite (npm run test:scale): two app instances, one Redis, one database.
// Apart from the default run: it starts processes and needs redis-server installed.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/scale/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One cluster at a time: the machine has two cores.
    fileParallelism: false,
  },
});
