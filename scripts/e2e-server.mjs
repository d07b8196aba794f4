// Playwright's web server: a fresh demo database every run, a real SMTP server for its mail, then the production server.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tsImport } from "tsx/esm/api";
import { run } from "./run-steps.mjs";

const accounts = JSON.parse(readFileSync("e2e/support/admin-users.json", "utf8"));
const dataDir = process.env.BEACON_DATA_DIR ?? "data/e2e";

rmSync(dataDir, { recursive: true, force: true });
run("seed demo data", "npx", ["tsx", "scripts/db-seed.ts", "--demo"]);
run("add e2e fixtures", "npx", ["tsx", "e2e/support/seed-fixtures.ts"]);
for (const [role, email] of Object.entries(accounts.users)) {
  const args = ["create", "--email", email, "--password", accounts.password, "--role", role === "throttled" ? "commander" : role];
  run(`create ${email}`, "npx", ["tsx", "scripts/admin.ts", ...args]);
}
run("create API token", "npx", ["tsx", "e2e/support/create-api-token.ts"]);

// Mail leaves Beacon over real SMTP to a sink in this process (scripts/support/smtp-sink.ts) on a free port, which writes
// each mail it accepts as an .eml file into <data dir>/mail/, the mailbox the specs read (e2e/support/mail.ts).
const { startSmtpSink } = await tsImport("./support/smtp-sink.ts", import.meta.url);
const sink = await startSmtpSink(0, { dir: `${dataDir}/mail` });
console.log(`\n▶ SMTP sink on ${sink.url}, mail into ${dataDir}/mail/`);

// The production server as `npm start` runs it (the bundle `npm run build` compiled), as a child this process outlives only
// to stop the sink: no SMTP server is left behind. The admin e2e tests move the admin dashboard's clock (lib/admin/clock.ts);
// nothing else honours BEACON_TEST_CLOCK.
const server = spawn("npm", ["start", "--silent"], {
  stdio: "inherit",
  env: { ...process.env, BEACON_TEST_CLOCK: "1", BEACON_SMTP_URL: sink.url, BEACON_MAIL_FROM: "Beacon e2e <status@beacon.test>" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  const exit = () => process.exit(code ?? (signal ? 1 : 0));
  sink.stop().then(exit, exit);
  setTimeout(exit, 2_000).unref(); // a client's connection left half-open must not keep the sink waiting
});
