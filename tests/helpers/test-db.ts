// A fresh SQLite database with the committed migrations applied, for one test file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function createTestDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  return url;
}
