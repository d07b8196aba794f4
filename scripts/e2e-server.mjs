// Playwright's web server: a fresh demo database every run, then the production server.
import { rmSync } from "node:fs";
import { run } from "./run-steps.mjs";

rmSync("data/e2e", { recursive: true, force: true });
run("seed demo data", "npx", ["tsx", "scripts/db-seed.ts", "--demo"]);
run("add e2e fixtures", "npx", ["tsx", "e2e/support/seed-fixtures.ts"]);
run("start", "npx", ["tsx", "scripts/start.ts"]);
