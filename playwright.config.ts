import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
// One data directory per port, so two runs on different E2E_PORTs never share a database.
const dataDir = `data/e2e-${port}`;
process.env.E2E_DATABASE_URL = `file:./${dataDir}/beacon.db`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // Read-only checks of the demo data run first; tests that publish (admin, write API) run after.
  projects: [
    { name: "public", testIgnore: ["admin/**", "write/**"], use: { ...devices["Desktop Chrome"] } },
    { name: "publishing", testMatch: ["admin/**/*.spec.ts", "write/**/*.spec.ts"], dependencies: ["public"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    // A fresh SQLite database with the demo data, served by the production server.
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/`,
    // Seeding, users and the first start take about 30 s on a quiet machine; a loaded one needs far more.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      BEACON_DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      BEACON_PUBLIC_URL: baseURL,
      // The webhook e2e test's receiver listens on 127.0.0.1, which webhooks may not reach otherwise.
      BEACON_WEBHOOK_ALLOW: "127.0.0.1",
    },
  },
});
