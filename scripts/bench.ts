// `npm run bench [-- --seconds=5 --history=10000 --samples=20 --db=sqlite|postgresql|both]`:
// figures of the public read path, printed, never asserted, and written to bench/results.md.
// For each database (SQLite, and PostgreSQL in a throwaway cluster) it starts the production server
// on 127.0.0.1 as `npm start` does and measures: throughput and latency with wrk (64 connections);
// publish → visible under read load; uncached latency on the demo data and on a synthetic history
// of `--history` incidents, with the server's memory; the query plans of the hot reads.
// Loopback only; every server and database it starts, it stops.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseDatabaseUrl } from "@/lib/runtime/env";
import { startBeacon, timeToFirstAnswer, type BeaconProcess } from "./support/beacon-process";
import { createThrowawayDatabase, type Provider, type ThrowawayDatabase } from "./support/databases";
import { createWriteToken, openDatabase, seedDatabase } from "./support/seed";
import { openIncident } from "./support/write-client";
import { queryPlans } from "./bench/plans";
import { markdownTable, mb, ms, percentile } from "./bench/stats";
import { ceiling, throughput, throughputTable, type ThroughputRow } from "./bench/throughput";
import { uncachedLatency, type UncachedFigures } from "./bench/uncached";
import { publishToVisible, type VisibleResult } from "./bench/visible";
import { ensureWrk } from "./bench/wrk";
import { benchArgs } from "./bench/run";

const { seconds, history, samples, publishes, db: dbChoice, providers } = benchArgs({ seconds: 5, history: 10_000, samples: 20, publishes: 20 });

const ROOT = path.resolve(import.meta.dirname, "..");
const READ_PATHS = ["/", "/incidents/386", "/history.atom", "/api/v2/summary.json"];
// Three months per history page: page 50 lies before an 8-year synthetic history; page 20 is in it.
const UNCACHED = { immediate: ["/incidents/386", "/"], afterSnapshot: ["/history?page=50", "/history?page=20"] };
const UNCACHED_URLS = [...UNCACHED.immediate, ...UNCACHED.afterSnapshot];
const SNAPSHOT_WRITTEN = /snapshot: (wrote|kept)/;
const staticName = `bench-static-${process.pid}.html`;

interface DatabaseFigures {
  name: string;
  throughput: ThroughputRow[];
  rss: { idle: number; afterLoad: number; demoAfterUncached: number; historyIdle: number; historyAfterUncached: number };
  /** Spawn → first answer of `/`, in ms, for each restart. */
  startToFirstAnswer: number[];
  visible: VisibleResult;
  uncachedDemo: UncachedFigures[];
  uncachedHistory: UncachedFigures[];
  plans: string;
}

/** The server writes its snapshot right after start; measurements wait until it is done. */
async function withServer<T>(database: ThrowawayDatabase, use: (server: BeaconProcess) => Promise<T>): Promise<T> {
  const server = await startBeacon(database);
  try {
    if (!SNAPSHOT_WRITTEN.test(server.output())) await server.nextOutput(SNAPSHOT_WRITTEN, 120_000);
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** A seeded throwaway database (demo data, plus a synthetic history when given) and a write-API token. */
async function withDatabase<T>(
  provider: Provider,
  historyCount: number | undefined,
  use: (database: ThrowawayDatabase, token: string) => Promise<T>,
): Promise<T> {
  const database = await createThrowawayDatabase(provider);
  try {
    await seedDatabase({ ...database, history: historyCount });
    const db = openDatabase(database.databaseUrl);
    const token = await createWriteToken(db, "bench").finally(() => db.$disconnect());
    return await use(database, token);
  } finally {
    await database.close();
  }
}

/** Spawn → first answer of `/` after a restart, three restarts. */
async function startToFirstAnswer(database: ThrowawayDatabase): Promise<number[]> {
  const times: number[] = [];
  for (let restart = 0; restart < 3; restart++) times.push(await timeToFirstAnswer(database));
  return times;
}

/** Next serves only the public/ files present at its start, so the file is written before the measured start. */
async function writeStaticFile(server: BeaconProcess): Promise<string> {
  const html = await (await fetch(`${server.url}/`)).text();
  mkdirSync(path.join(ROOT, "public"), { recursive: true });
  writeFileSync(path.join(ROOT, "public", staticName), html);
  return html;
}

async function benchDatabase(name: string, provider: Provider, staticHtml: { value: string | null }): Promise<DatabaseFigures> {
  console.log(`\n== ${name}: demo data`);
  const demo = await withDatabase(provider, undefined, async (database, token) => {
    staticHtml.value ??= await withServer(database, writeStaticFile);
    console.log("start → first answer (3 restarts)");
    const started = await startToFirstAnswer(database);
    const measured = await withServer(database, async (server) => {
      const idle = server.rssKb();
      console.log(`throughput (wrk, ${seconds} s per URL)`);
      const rows = throughput(server.url, `/${staticName}`, seconds);
      const afterLoad = server.rssKb();
      const incident = await openIncident(server.url, token, "Benchmark incident", ["platform-api"]);
      console.log(`publish → visible (${publishes} publishes under read load)`);
      const visible = await publishToVisible({ baseUrl: server.url, token, incident, readPaths: READ_PATHS, publishes });
      console.log(`uncached latency (${samples} samples)`);
      const uncached = await uncachedLatency({ server, token, incident, ...UNCACHED, samples });
      return { rows, visible, uncached, rss: { idle, afterLoad, afterUncached: server.rssKb() } };
    });
    return { ...measured, started };
  });

  console.log(`\n== ${name}: demo data and a synthetic history of ${history} incidents`);
  const big = await withDatabase(provider, history, async (database, token) => {
    const measured = await withServer(database, async (server) => {
      const idle = server.rssKb();
      const incident = await openIncident(server.url, token, "Benchmark incident", ["platform-api"]);
      console.log(`uncached latency (${samples} samples)`);
      const uncached = await uncachedLatency({ server, token, incident, ...UNCACHED, samples });
      return { uncached, rss: { idle, afterUncached: server.rssKb() } };
    });
    console.log("query plans");
    const plans = await queryPlans(parseDatabaseUrl(database.databaseUrl), { now: new Date(), incident: 386, historyPage: 20 });
    return { ...measured, plans };
  });

  return {
    name,
    throughput: demo.rows,
    rss: {
      idle: demo.rss.idle,
      afterLoad: demo.rss.afterLoad,
      demoAfterUncached: demo.rss.afterUncached,
      historyIdle: big.rss.idle,
      historyAfterUncached: big.rss.afterUncached,
    },
    startToFirstAnswer: demo.started,
    visible: demo.visible,
    uncachedDemo: demo.uncached,
    uncachedHistory: big.uncached,
    plans: big.plans,
  };
}

function report(results: DatabaseFigures[], bare: ThroughputRow, html: string): string {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const command = `npm run bench -- --seconds=${seconds} --history=${history} --samples=${samples} --publishes=${publishes} --db=${dbChoice}`;
  const out = [
    "# Benchmark results",
    "",
    `Machine: ${machine}; date ${new Date().toISOString()}`,
    `Command: \`${command}\` (wrk -t1 -c64, loopback; client and server share the machine, so compare figures within one run)`,
    "",
    "## Throughput and latency",
  ];
  for (const result of results) out.push("", `### ${result.name}`, "", throughputTable(result.throughput, bare));
  out.push("", `Page weight of /: ${gzipSync(html).length} bytes gzip (${Buffer.byteLength(html)} uncompressed); scripts required: none.`);

  out.push(
    "",
    `## Publish → visible`,
    "",
    `${publishes} publishes through the write API while wrk reads ${READ_PATHS.join(", ")} round-robin; time from the publish call returning until the new post shows (each URL polled every 10 ms).`,
  );
  for (const result of results) out.push("", `### ${result.name}`, "", result.visible.table, "", `Read load meanwhile: ${result.visible.readLoad}.`);

  out.push(
    "",
    "## Scale: uncached latency",
    "",
    `Each sample publishes first (dropping every cached page and datum) and times one GET of ${UNCACHED.immediate.join(" and ")} at once; then it waits for the snapshot the publish triggers (it renders \`/\` and the newest incident pages itself, and keeps the server busy) and times one GET of ${UNCACHED.afterSnapshot.join(" and ")}. ${samples} samples; demo data (≈ 20 incidents) versus demo data plus \`--history ${history}\`.`,
    "",
  );
  const header = ["URL", ...results.flatMap((r) => [`${r.name} demo p50 / p95`, `${r.name} history p50 / p95 (max)`])];
  const rows = UNCACHED_URLS.map((url, i) => [
    url,
    ...results.flatMap((r) => [
      `${ms(r.uncachedDemo[i]!.p50)} / ${ms(r.uncachedDemo[i]!.p95)}`,
      `${ms(r.uncachedHistory[i]!.p50)} / ${ms(r.uncachedHistory[i]!.p95)} (${ms(r.uncachedHistory[i]!.max)})`,
    ]),
  ]);
  out.push(markdownTable(header, rows, ["l", ...header.slice(1).map(() => "r" as const)]));

  out.push("", "## Memory (RSS of the server's process tree)", "");
  out.push(
    markdownTable(
      ["moment", ...results.map((r) => r.name)],
      [
        ["demo data, idle after start", ...results.map((r) => mb(r.rss.idle))],
        ["after the throughput runs", ...results.map((r) => mb(r.rss.afterLoad))],
        ["after publish → visible and the uncached samples", ...results.map((r) => mb(r.rss.demoAfterUncached))],
        [`--history ${history}, idle after start`, ...results.map((r) => mb(r.rss.historyIdle))],
        [`--history ${history}, after the uncached samples`, ...results.map((r) => mb(r.rss.historyAfterUncached))],
      ],
      ["l", ...results.map(() => "r" as const)],
    ),
  );

  out.push(
    "",
    "## Start → first answer",
    "",
    "Spawning `npm start`'s command to the first answer of `/`, as after a restart (the previous run's snapshot on disk, migrations applied): median of three restarts (each run).",
    "",
  );
  out.push(
    markdownTable(
      ["database", "median", "runs"],
      results.map((r) => [r.name, ms(percentile(r.startToFirstAnswer, 50)), r.startToFirstAnswer.map(ms).join(", ")]),
      ["l", "r", "r"],
    ),
  );

  out.push("", "## Query plans of the hot reads", "", `On the database with \`--history ${history}\`.`);
  for (const result of results) out.push("", `<details><summary>${result.name}</summary>`, "", result.plans, "</details>");
  return `${out.join("\n")}\n`;
}

/** Everything above this line in bench/results.md is written by hand (comparisons, notes) and kept. */
const GENERATED_BELOW = "<!-- Everything below is written by `npm run bench`; the text above is kept. -->";

function writeResults(file: string, generated: string): void {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const marker = existing.indexOf(GENERATED_BELOW);
  const kept = marker === -1 ? "" : existing.slice(0, marker);
  writeFileSync(
    file,
    `${kept}${GENERATED_BELOW}\n\n${generated.replace(/^(#{1,5}) /gm, "#$1 ").replace(/^## Benchmark results/, "## Latest run of `npm run bench`")}`,
  );
}

ensureWrk();
const staticHtml: { value: string | null } = { value: null };
try {
  const results: DatabaseFigures[] = [];
  for (const { name, provider } of providers) results.push(await benchDatabase(name, provider, staticHtml));
  console.log("\nceiling (bare node:http)");
  const bare = await ceiling(staticHtml.value!, seconds);
  const text = report(results, bare, staticHtml.value!);
  console.log(`\n${text}`);
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeResults(path.join(ROOT, "bench/results.md"), text);
} finally {
  rmSync(path.join(ROOT, "public", staticName), { force: true });
}
