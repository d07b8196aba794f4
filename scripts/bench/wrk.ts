// wrk, the load generator of `npm run bench` (far cheaper than a Node client on two shared cores):
// one thread, 64 connections, bounded time, gzip accepted, optionally round-robin over several paths.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const CONNECTIONS = 64;

export interface WrkResult {
  rps: number;
  /** Answers completed in the run. */
  requests: number;
  p50: string;
  p99: string;
  errors: string;
}

export function ensureWrk(): void {
  if (spawnSync("wrk", ["-v"]).error === undefined) return;
  if (process.getuid?.() !== 0) throw new Error("wrk is missing: apt-get install -y wrk");
  execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

/** A wrk Lua script in a temporary file. */
function luaScript(source: string): string {
  const script = path.join(mkdtempSync(path.join(tmpdir(), "beacon-wrk-")), "request.lua");
  writeFileSync(script, source);
  return script;
}

function args(url: string, seconds: number, paths?: string[]): string[] {
  const base = ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-H", "Accept-Encoding: gzip"];
  if (!paths) return [...base, url];
  const list = paths.map((p) => JSON.stringify(p)).join(", ");
  return [
    ...base,
    "-s",
    luaScript(`local paths = {${list}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`),
    url,
  ];
}

/** Every request to `url` with a new random `?r=` (a cache-busting client). */
export function wrkCacheBusting(url: string, seconds: number): WrkResult {
  const script = luaScript(`request = function()\n  return wrk.format("GET", wrk.path .. "?r=" .. math.random(1, 2000000000))\nend\n`);
  return parse(
    execFileSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-H", "Accept-Encoding: gzip", "-s", script, url], { encoding: "utf8" }),
  );
}

function parse(out: string): WrkResult {
  const latency = (percentile: string) => new RegExp(`${percentile}%\\s+([\\d.]+\\w+)`).exec(out)?.[1] ?? "?";
  const errors = [/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1], /Socket errors: (.*)/.exec(out)?.[1]].filter(Boolean).join("; ");
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    p50: latency("50"),
    p99: latency("99"),
    errors: errors || "none",
  };
}

export function wrk(url: string, seconds: number): WrkResult {
  return parse(execFileSync("wrk", args(url, seconds), { encoding: "utf8" }));
}

/** wrk in the background over `paths` round-robin, until stop() (or `seconds`); resolves to its figures. */
export function backgroundWrk(baseUrl: string, paths: string[], seconds: number): { stop(): Promise<WrkResult> } {
  const child = spawn("wrk", args(`${baseUrl}/`, seconds, paths), { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  const done = new Promise<WrkResult>((resolve) => child.once("exit", () => resolve(parse(out))));
  return {
    stop() {
      // wrk prints its figures on SIGINT, as after its duration.
      child.kill("SIGINT");
      return done;
    },
  };
}
