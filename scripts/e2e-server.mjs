// Playwright's web server: a fresh demo database every run, then the production server.
import { readFileSync, rmSync } from "node:fs";
import { run } from "./run-steps.mjs";

const accounts = JSON.parse(readFileSync("e2e/support/admin-users.json", "utf8"));

rmSync(process.env.BEACON_DATA_DIR ?? "data/e2e", { recursive: true, force: true });
run("seed demo data", "npx", ["tsx", "scripts/db-seed.ts", "--demo"]);
run("add e2e fixtures", "npx", ["tsx", "e2e/support/seed-fixtures.ts"]);
for (const [role, email] of Object.entries(accounts.users)) {
  const args = ["create", "--email", email, "--password", accounts.password, "--role", role === "throttled" ? "commander" : role];
  run(`create ${email}`, "npx", ["tsx", "scripts/admin.ts", ...args]);
}
run("create API token", "npx", ["tsx", "e2e/support/create-api-token.ts"]);
// The admin e2e tests move the admin dashboard's clock (lib/admin/clock.ts); nothing else honours it.
// The production server as `npm start` runs it (the bundle `npm run build` compiled).
run("start", "npm", ["start", "--silent"], { env: { BEACON_TEST_CLOCK: "1" } });
