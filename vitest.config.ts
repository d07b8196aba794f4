import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/pg-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Bounded fault tests against the built production server;
          // each test starts the servers and databases it needs. FAULT_LONG=1: the long versions (README).
          name: "fault",
          include: ["tests/fault/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: process.env.FAULT_LONG ? 3_600_000 : 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
