// `npm run bench`: throughput and latency of the public read path, printed, never asserted.
// Starts the production server on 127.0.0.1 with a fresh demo database (plus `--history N`
// synthetic incidents when given), drives it with wrk (1 thread, 64 connections, bounded time)
// and compares each URL with a static file of the same bytes served by the same server.
// Writes the table to bench/results.md. Loopback only; stops by itself.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import os from "node:os";
import path from "node:path";

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
const seconds = Number(args.get("seconds") ?? 10);
const history = Number(args.get("history") ?? 0);
const root = path.resolve(import.meta.dirname, "..");

function ensureWrk(): void {
  if (spawnSync("wrk", ["-v"]).error === undefined) return;
  if (process.getuid?.() !== 0) throw new Error("wrk is missing: apt-get install -y wrk");
  execFileSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Result {
  label: string;
  url: string;
  rps: number;
  p50: string;
  p99: string;
  errors: string;
}

function parseLatency(text: string, percentile: string): string {
  return new RegExp(`${percentile}%\\s+([\\d.]+\\w+)`).exec(text)?.[1] ?? "?";
}

function wrk(label: string, url: string): Result {
  const out = execFileSync("wrk", ["-t1", "-c64", `-d${seconds}s`, "--latency", "-H", "Accept-Encoding: gzip", url], { encoding: "utf8" });
  const errors = [/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1], /Socket errors: (.*)/.exec(out)?.[1]].filter(Boolean).join("; ");
  return { label, url, rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), p50: parseLatency(out, "50"), p99: parseLatency(out, "99"), errors: errors || "none" };
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not answer ${url}`);
}

/** Resident memory of a process and its children (tsx runs the server in a child node). */
function treeRssKb(pid: number): number {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).trim().split("\n").map((line) => line.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) if (!tree.has(child!) && tree.has(parent!)) (tree.add(child!), (grew = true));
  }
  return rows.filter(([child]) => tree.has(child!)).reduce((sum, row) => sum + row[2]!, 0);
}

/** The physical ceiling: a bare node:http server answering the same bytes from memory. */
function startBareServer(html: string) {
  const gz = gzipSync(html).toString("base64");
  const code = `const b=Buffer.from(${JSON.stringify(gz)},"base64");require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-encoding":"gzip","content-length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  let url = "";
  const ready = new Promise<void>((resolve) => child.stdout.once("data", (chunk) => ((url = `http://127.0.0.1:${String(chunk).trim()}/`), resolve())));
  return {
    process: child,
    get url() {
      return url;
    },
    ready,
  };
}

ensureWrk();
const port = await freePort();
const dataDir = path.join(os.tmpdir(), `beacon-bench-${port}`);
const staticName = `bench-static-${port}.html`;
const env = { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", BEACON_DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/beacon.db`, NEXT_TELEMETRY_DISABLED: "1" };
const tsx = path.join(root, "node_modules/.bin/tsx");
execFileSync(tsx, ["scripts/db-seed.ts", "--demo", ...(history ? ["--history", String(history)] : [])], { cwd: root, env, stdio: "inherit" });
const base = `http://127.0.0.1:${port}`;
const startServer = () => spawn(process.execPath, [tsx, "scripts/start.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
// Next.js only serves files that were in public/ when it started: render / once, then restart.
let server = startServer();
await waitFor(`${base}/`);
const home = await (await fetch(`${base}/`)).text();
mkdirSync(path.join(root, "public"), { recursive: true });
writeFileSync(path.join(root, "public", staticName), home);
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
server = startServer();
try {
  await waitFor(`${base}/${staticName}`);
  await waitFor(`${base}/`);
  const rssBefore = treeRssKb(server.pid!);
  const bare = startBareServer(home);
  await bare.ready;
  const results = [
    wrk("static file, same bytes as / (the physical limit)", `${base}/${staticName}`),
    wrk("/", `${base}/`),
    wrk("incident page", `${base}/incidents/386`),
    wrk("/history.atom", `${base}/history.atom`),
    wrk("/api/v2/summary.json", `${base}/api/v2/summary.json`),
  ];
  const rssAfter = treeRssKb(server.pid!);
  results.unshift(wrk("bare node:http, same bytes pre-gzipped from memory (the ceiling)", bare.url));
  bare.process.kill("SIGTERM");
  const ceiling = results[0]!.rps;
  const staticRps = results[1]!.rps;
  const table = [
    "| URL | req/s | p50 | p99 | ratio to static file | ratio to bare ceiling | errors |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...results.map(
      (r) => `| ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / staticRps).toFixed(2)} | ${(r.rps / ceiling).toFixed(2)} | ${r.errors} |`,
    ),
  ].join("\n");
  const weight = `Page weight of /: ${gzipSync(home).length} bytes gzip (${Buffer.byteLength(home)} uncompressed); scripts required: none.`;
  const memory = `Server RSS: ${Math.round(rssBefore / 1024)} MB before the load, ${Math.round(rssAfter / 1024)} MB after.`;
  const header = `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite; date ${new Date().toISOString()}\nCommand: npm run bench -- --seconds=${seconds}${history ? ` --history=${history}` : ""} (wrk -t1 -c64 -d${seconds}s, loopback, client and server share the machine)`;
  const report = `# Benchmark results\n\n${header}\n\n${table}\n\n${weight}\n${memory}\n`;
  console.log(`\n${report}`);
  mkdirSync(path.join(root, "bench"), { recursive: true });
  writeFileSync(path.join(root, "bench/results.md"), report);
} finally {
  server.kill("SIGTERM");
  rmSync(path.join(root, "public", staticName), { force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
