import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installedAsLocked } from "../../../scripts/run-steps.mjs";

// The shapes npm 11 writes: package-lock.json lists every platform's optional binaries;
// node_modules/.package-lock.json lists only what this machine installed.
const manifest = { name: "app", dependencies: { next: "16.4.6" }, devDependencies: { vitest: "~4.1.0" } };
const next = { version: "16.4.6", resolved: "https://registry.npmjs.org/next/-/next-16.4.6.tgz", integrity: "sha512-n", license: "MIT" };
const vitest = { version: "4.1.2", resolved: "https://registry.npmjs.org/vitest/-/vitest-4.1.2.tgz", integrity: "sha512-v", dev: true };
const swcLinux = { version: "16.4.6", integrity: "sha512-l", cpu: ["x64"], os: ["linux"], optional: true };
const swcDarwin = { version: "16.4.6", integrity: "sha512-d", cpu: ["arm64"], os: ["darwin"], optional: true };
const lock = {
  name: "app",
  lockfileVersion: 3,
  packages: {
    "": { name: "app", dependencies: manifest.dependencies, devDependencies: manifest.devDependencies },
    "node_modules/next": next,
    "node_modules/vitest": vitest,
    "node_modules/@next/swc-linux-x64-gnu": swcLinux,
    "node_modules/@next/swc-darwin-arm64": swcDarwin,
  },
};
const installedHere = { "node_modules/next": next, "node_modules/vitest": vitest, "node_modules/@next/swc-linux-x64-gnu": swcLinux };

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(files: { manifest?: object; lock?: object; installed?: Record<string, object> | null }) {
  dir = mkdtempSync(join(tmpdir(), "beacon-run-steps-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify(files.manifest ?? manifest));
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify(files.lock ?? lock));
  mkdirSync(join(dir, "node_modules"));
  if (files.installed !== null) {
    writeFileSync(
      join(dir, "node_modules/.package-lock.json"),
      JSON.stringify({ name: "app", lockfileVersion: 3, packages: files.installed ?? installedHere }),
    );
  }
  return dir;
}

describe("installedAsLocked: whether npm ci must run", () => {
  it("is current after an install of this lock, other platforms' binaries left out", () => {
    expect(installedAsLocked(project({}))).toBe(true);
  });

  it("is out of date when nothing was installed (no npm record in node_modules)", () => {
    expect(installedAsLocked(project({ installed: null }))).toBe(false);
  });

  it("is out of date when the lock moved a package to another version (e.g. after git pull)", () => {
    const pulled = { ...lock, packages: { ...lock.packages, "node_modules/next": { ...next, version: "16.4.7", integrity: "sha512-n2" } } };
    expect(installedAsLocked(project({ lock: pulled }))).toBe(false);
  });

  it("is out of date when a package the lock needs is missing (only optional ones may be)", () => {
    const { "node_modules/vitest": _, ...withoutVitest } = installedHere;
    expect(installedAsLocked(project({ installed: withoutVitest }))).toBe(false);
  });

  it("is out of date when node_modules holds a package the lock no longer has", () => {
    const extra = { ...installedHere, "node_modules/left-pad": { version: "1.3.0", integrity: "sha512-x" } };
    expect(installedAsLocked(project({ installed: extra }))).toBe(false);
  });

  it("is out of date when package.json asks for something the lock does not record, so npm ci reports the disagreement", () => {
    const edited = { ...manifest, dependencies: { ...manifest.dependencies, zod: "^4.6.7" } };
    expect(installedAsLocked(project({ manifest: edited }))).toBe(false);
  });
});
