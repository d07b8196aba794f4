// Tiny helpers for the dependency-free entry scripts (up.mjs, test.mjs), which must run
// before `npm install` has put anything into node_modules.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function run(label, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

export function ensureDependencies() {
  if (!existsSync("node_modules/.bin/next") || !existsSync("node_modules/better-sqlite3/build/Release/better_sqlite3.node")) {
    // npm ci fails with a lockfile made on this platform (see README); npm install honours the lock.
    run("install npm packages", "npm", ["install", "--no-audit", "--no-fund"]);
  }
}
