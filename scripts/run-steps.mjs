// Tiny helpers for the dependency-free entry scripts (up.mjs, test.mjs), which must run
// before `npm ci` has put anything into node_modules.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

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

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

// node_modules is current when package.json asks for what the lock records and npm's own record of
// node_modules/ (.package-lock.json, written by every install) has each locked package as locked.
export function installedAsLocked(dir) {
  const read = (file) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  if (!existsSync(join(dir, "node_modules/.package-lock.json"))) return false;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const manifest = read("package.json");
  const { "": root, ...locked } = read("package-lock.json").packages;
  const installed = read("node_modules/.package-lock.json").packages;
  if (!DEPENDENCY_FIELDS.every((field) => same(manifest[field], root[field]))) return false;
  if (Object.keys(installed).some((path) => !(path in locked))) return false;
  // Other platforms' optional binaries are in the lock but never installed here.
  return Object.entries(locked).every(([path, entry]) => (path in installed ? same(entry, installed[path]) : entry.optional));
}

// `npm ci` installs exactly the lock (and fails if package.json and the lock disagree) and never
// rewrites it; `npm install` is only for changing dependencies.
export function ensureDependencies(dir = ".", label = "install npm packages") {
  if (!installedAsLocked(dir)) run(label, "npm", ["ci", "--prefix", dir, "--no-audit", "--no-fund"]);
}
