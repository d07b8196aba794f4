// `npm test`: installs what the tests need when missing or out of date (`npm ci`), then runs every test:
// typecheck, unit, integration (SQLite and a throwaway PostgreSQL), fault tests against the built
// server, Playwright e2e in Chromium. `npm test -- <stage>` runs one stage.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { ensureDependencies, run } from "./run-steps.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ALERTMANAGER = "/usr/bin/prometheus-alertmanager";

/** Installs a Debian package when `binary` is missing (as root, or with passwordless sudo). */
function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && spawnSync("sudo", ["-n", "true"]).status !== 0) {
    console.error(`${pkg} is missing (${binary}); install it with: sudo apt-get install -y ${pkg}`);
    process.exit(1);
  }
  const [cmd, ...pre] = asRoot ? ["env"] : ["sudo", "-n"];
  run("apt-get update", cmd, [...pre, "apt-get", "update", "-qq"]);
  run(`install Debian ${pkg}`, cmd, [...pre, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", pkg]);
}

const only = process.argv[2];
ensureDependencies();
ensureDependencies("tools/prisma6", "install the offline migration tool (tools/prisma6)");
run("generate Prisma clients", "npm", ["run", "--silent", "prisma:generate"]);
run("build the public stylesheet", "npx", ["tsx", "scripts/build-public-css.ts"]);
if (!only || only === "static") {
  // Next's global route types (PageProps, …) must exist before tsc runs on a fresh clone.
  run("generate Next.js route types", "npx", ["next", "typegen"]);
  run("typecheck", "npx", ["tsc", "--noEmit"]);
  // Layout and lint are decided by Biome (biome.json), not by taste; long lines fail here.
  run("format and lint (Biome)", "npx", ["biome", "check", "--error-on-warnings", "."]);
  // Layering (.dependency-cruiser.cjs): no cycles between areas, pure timeline and formats, no unused files.
  run("layering (dependency-cruiser)", "npx", ["depcruise", "lib", "components", "app", "scripts", "proxy.ts", "--config", ".dependency-cruiser.cjs"]);
}
if (!only || only === "unit") run("unit tests", "npx", ["vitest", "run", "--project", "unit"]);
// The alert integration tests (and e2e) talk to a real Prometheus Alertmanager.
if (!only || only === "integration" || only === "e2e") ensureDebianPackage(ALERTMANAGER, "prometheus-alertmanager");
if (!only || only === "integration") run("integration tests (SQLite + PostgreSQL)", "npx", ["vitest", "run", "--project", "integration"]);
const build = () => run("build", "npm", ["run", "--silent", "build"]);
if (!only || only === "fault") {
  build();
  run("fault tests (kill -9 during publishes, soak)", "npx", ["vitest", "run", "--project", "fault"]);
}
if (!only || only === "e2e") {
  ensureDebianPackage(CHROMIUM, "chromium");
  // The fault stage has just built it when the whole suite runs.
  if (only) build();
  run("end-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test"]);
}
console.log("\nAll tests passed.");
