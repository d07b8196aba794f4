// Throughput and latency of the public read path with wrk, compared with a static file of the same
// bytes served by the same server (Next's public/) and with a bare node:http server answering
// those bytes pre-gzipped from memory (the ceiling of this machine). Each URL gets a short
// unmeasured run first.
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { markdownTable } from "./stats";
import { type WrkResult, wrk, wrkCacheBusting } from "./wrk";

/** Unmeasured load first, so the figures are of the steady state rather than of V8 compiling the path. */
export const WARM_UP_SECONDS = 2;

/** `seconds` of load measured after WARM_UP_SECONDS unmeasured; `run` is wrk itself or its cache-busting client. */
export function measured(url: string, seconds: number, run: (url: string, seconds: number) => WrkResult = wrk): WrkResult {
  run(url, WARM_UP_SECONDS);
  return run(url, seconds);
}

export interface ThroughputRow extends WrkResult {
  label: string;
}

/** The bare ceiling: node:http answering `html` pre-gzipped from memory. */
export async function ceiling(html: string, seconds: number): Promise<ThroughputRow> {
  const gz = gzipSync(html).toString("base64");
  const code = `const b=Buffer.from(${JSON.stringify(gz)},"base64");require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-encoding":"gzip","content-length":b.length});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<string>((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk).trim())));
    return { label: "bare node:http, same bytes pre-gzipped from memory (the ceiling)", ...measured(`http://127.0.0.1:${port}/`, seconds) };
  } finally {
    child.kill("SIGTERM");
  }
}

export function throughput(baseUrl: string, staticPath: string, seconds: number): ThroughputRow[] {
  const targets: [string, string][] = [
    ["static file, same bytes as / (Next's public/)", staticPath],
    ["/", "/"],
    ["incident page", "/incidents/386"],
    ["/history.atom", "/history.atom"],
    ["/api/v2/summary.json", "/api/v2/summary.json"],
  ];
  const rows = targets.map(([label, path]) => ({ label, ...measured(`${baseUrl}${path}`, seconds) }));
  // A client adding a random query to every request must not cost a render each (goal: ≥ 0.5 of /).
  return [...rows, { label: "/?r=<random> (cache-busting)", ...measured(`${baseUrl}/`, seconds, wrkCacheBusting) }];
}

export function throughputTable(rows: ThroughputRow[], bare: ThroughputRow): string {
  const staticRps = rows[0]!.rps;
  return markdownTable(
    ["URL", "req/s", "p50", "p99", "ratio to static file", "ratio to bare ceiling", "errors"],
    [bare, ...rows].map((r) => [r.label, Math.round(r.rps), r.p50, r.p99, (r.rps / staticRps).toFixed(2), (r.rps / bare.rps).toFixed(2), r.errors]),
    ["l", "r", "r", "r", "r", "r", "l"],
  );
}
