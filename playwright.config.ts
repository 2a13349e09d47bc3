import { defineConfig, devices } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./tests/e2e/accounts";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium: Playwright's own browser download is not reachable from here.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // Every spec starts signed in as the admin (ADMIN_EMAIL below); accounts.spec signs in others.
    { name: "chromium", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], channel: undefined, storageState: ADMIN_STATE } },
  ],
  webServer: {
    // A fresh database each run; the app builds itself first when the sources changed.
    command: "rm -f data/e2e.db data/e2e.db-journal data/e2e-admin-state.json && tsx lib/cli/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: "file:./data/e2e.db",
      SANDBOX_ENABLED: "true",
      SANDBOX_SPEED: "2",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
  },
});
