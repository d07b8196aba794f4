// `npx tsx scripts/bench/compare.ts --before=DIR [--rounds=3] [--seconds=5]`: the production server of
// another checkout against this one's, side by side on SQLite with the demo data, for before/after
// figures of a change. Make the other checkout with `git worktree add DIR <rev>`, then `npm ci` (or a
// copy of node_modules) and `npm run build` in it; `npm run build` here too.
// Both servers run at once, each seeded by its own checkout; every round measures, per URL, the bare
// node:http ceiling and then both servers (which goes first alternates by round), so a busy moment of
// the shared machine falls on both. Each side's ratio is to a ceiling serving that side's own `/`
// (as in `npm run bench`): a page that grew pays for its bytes on the wire, so absolute req/s are
// printed beside it, and each server's CPU time per answer (hardly moved by other load). Then each
// server's memory after that load, and start → first answer after a restart, alternating. Prints
// Markdown tables: the medians over the rounds lead.
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { type BeaconProcess, startBeacon, timeToFirstAnswer } from "../support/beacon-process";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/databases";
import { seedDatabase } from "../support/seed";
import { ceiling, type ThroughputRow, WARM_UP_SECONDS } from "./throughput";
import { markdownTable, mb, ms, percentile } from "./stats";
import { ensureWrk, wrk, wrkCacheBusting, type WrkResult } from "./wrk";

const { values: flags } = parseArgs({
  options: { before: { type: "string" }, rounds: { type: "string", default: "3" }, seconds: { type: "string", default: "5" } },
});
if (!flags.before) throw new Error("--before=DIR: the other checkout (built with npm run build)");
const rounds = Number(flags.rounds);
const seconds = Number(flags.seconds);
if (![rounds, seconds].every((n) => Number.isInteger(n) && n > 0)) throw new Error("--rounds and --seconds take whole numbers > 0");

const ROOT = path.resolve(import.meta.dirname, "../..");
const RESTARTS = 3;
const SNAPSHOT_WRITTEN = /snapshot: (wrote|kept)/;
const URLS: { label: string; path: string; busting?: true }[] = [
  { label: "/", path: "/" },
  { label: "incident page", path: "/incidents/386" },
  { label: "/history.atom", path: "/history.atom" },
  { label: "/api/v2/summary.json", path: "/api/v2/summary.json" },
  { label: "/?r=<random> (cache-busting)", path: "/", busting: true },
];

/** One measured run of one server, with the server's CPU time per answer: unlike req/s, hardly moved by whatever else the shared machine runs. */
type Measured = WrkResult & { cpuUsPerRequest: number };

interface Side {
  name: "before" | "after";
  root: string;
  database: ThrowawayDatabase;
}

async function prepare(name: Side["name"], root: string): Promise<Side> {
  const database = await createThrowawayDatabase("sqlite");
  await seedDatabase({ ...database, root });
  return { name, root, database };
}

async function start(side: Side): Promise<BeaconProcess> {
  const server = await startBeacon({ ...side.database, root: side.root });
  if (!SNAPSHOT_WRITTEN.test(server.output())) await server.nextOutput(SNAPSHOT_WRITTEN, 120_000);
  return server;
}

ensureWrk();
const sides = [await prepare("before", path.resolve(flags.before)), await prepare("after", ROOT)];
try {
  const servers = new Map<Side["name"], BeaconProcess>();
  for (const side of sides) servers.set(side.name, await start(side));
  const html = new Map<Side["name"], string>();
  for (const side of sides) html.set(side.name, await (await fetch(`${servers.get(side.name)!.url}/`)).text());
  const idle = new Map(sides.map((side) => [side.name, servers.get(side.name)!.rssKb()]));

  const ceilings = new Map<Side["name"], ThroughputRow[]>(sides.map((side) => [side.name, []]));
  const figures = new Map<string, Measured[]>();
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1} of ${rounds}`);
    for (const side of sides) ceilings.get(side.name)!.push(await ceiling(html.get(side.name)!, seconds));
    for (const url of URLS) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const key = `${url.label} ${side.name}`;
        const server = servers.get(side.name)!;
        const run = url.busting ? wrkCacheBusting : wrk;
        run(`${server.url}${url.path}`, WARM_UP_SECONDS); // unmeasured, as in npm run bench
        const cpuBefore = server.cpuMs();
        const result = run(`${server.url}${url.path}`, seconds);
        figures.set(key, [...(figures.get(key) ?? []), { ...result, cpuUsPerRequest: ((server.cpuMs() - cpuBefore) * 1000) / result.requests }]);
      }
    }
  }
  const afterLoad = new Map(sides.map((side) => [side.name, servers.get(side.name)!.rssKb()]));
  for (const server of servers.values()) await server.stop();

  const started = new Map<Side["name"], number[]>();
  for (let restart = 0; restart < RESTARTS; restart++)
    for (const side of restart % 2 === 0 ? sides : [...sides].reverse())
      started.set(side.name, [...(started.get(side.name) ?? []), await timeToFirstAnswer({ ...side.database, root: side.root })]);

  const ratio = (name: Side["name"]) => (result: Measured, round: number) => result.rps / ceilings.get(name)![round]!.rps;
  const cell = (name: Side["name"]) => (result: Measured, round: number) =>
    `${Math.round(result.rps)} (${ratio(name)(result, round).toFixed(2)}, p99 ${result.p99})`;
  const median = (name: Side["name"], label: string, of: (result: Measured, round: number) => number) =>
    percentile(figures.get(`${label} ${name}`)!.map(of), 50);
  const rows = URLS.map((url) => {
    const before = median("before", url.label, ratio("before"));
    const after = median("after", url.label, ratio("after"));
    const rps = sides.map((side) => median(side.name, url.label, (result) => result.rps));
    const perRound = sides.map((side) => figures.get(`${url.label} ${side.name}`)!.map(cell(side.name)).join("; "));
    const cpu = sides.map((side) => median(side.name, url.label, (result) => result.cpuUsPerRequest));
    return [
      url.label,
      before.toFixed(2),
      after.toFixed(2),
      (after / before).toFixed(2),
      (rps[1]! / rps[0]!).toFixed(2),
      `${cpu[0]!.toFixed(0)} → ${cpu[1]!.toFixed(0)} (${(cpu[1]! / cpu[0]!).toFixed(2)})`,
      ...perRound,
    ];
  });
  console.log(
    `\nBefore: ${sides[0]!.root}; after: ${ROOT}. SQLite, demo data, wrk -t1 -c64, ${seconds} s per URL after ${WARM_UP_SECONDS} s unmeasured, ${rounds} rounds.\n`,
  );
  for (const side of sides)
    console.log(
      `Ceiling serving ${side.name}'s / (${Buffer.byteLength(gzipSync(html.get(side.name)!))} bytes gzipped), req/s per round: ${ceilings
        .get(side.name)!
        .map((c) => Math.round(c.rps))
        .join(", ")}`,
    );
  console.log();
  console.log(
    markdownTable(
      [
        "URL",
        "before: median ratio to its ceiling",
        "after: median ratio to its ceiling",
        "after / before (ratios)",
        "after / before (median req/s)",
        "server CPU µs per answer, before → after (median; ratio)",
        "before, each round: req/s (ratio, p99)",
        "after, each round",
      ],
      rows,
      ["l", "r", "r", "r", "r", "r", "l", "l"],
    ),
  );
  console.log();
  console.log(
    markdownTable(
      ["", "before", "after"],
      [
        ["RSS idle after start", ...sides.map((side) => mb(idle.get(side.name)!))],
        [`RSS after the ${rounds} rounds of load`, ...sides.map((side) => mb(afterLoad.get(side.name)!))],
        [
          `start → first answer of /, median of ${RESTARTS} (each)`,
          ...sides.map((side) => `${ms(percentile(started.get(side.name)!, 50))} (${started.get(side.name)!.map(ms).join(", ")})`),
        ],
      ],
      ["l", "r", "r"],
    ),
  );
} finally {
  for (const side of sides) await side.database.close();
}
