// `npx tsx scripts/bench/publish-cost.ts [--db=sqlite|postgresql|both] [--incidents=10] [--posts=2000] [--publishes=50]`:
// what one publish costs when the open incidents are long (issue 16). On a throwaway database with
// the demo data it adds `--incidents` open incidents of `--posts` posts each (rows written directly:
// publishing 20,000 posts one by one would take the run), then times `--publishes` Update posts
// with a state change, spread over those incidents: first through the use-case in this process,
// then through the write API of the production server. Prints p50/p95/max; asserts nothing.
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { publishPost } from "@/lib/incidents/publish";
import { startBeacon } from "../support/beacon-process";
import { createWriteToken, openDatabase } from "../support/seed";
import { postUpdate } from "../support/write-client";
import { benchArgs, onEachSeededDatabase } from "./run";
import { markdownTable, ms, percentile, sleep } from "./stats";

const { incidents, posts: postsPerIncident, publishes, providers } = benchArgs({ incidents: 10, posts: 2000, publishes: 50 });

const BENCH_ACTOR: Actor = { userId: null, label: "bench", role: "commander", ip: "" };
const CHUNK = 400;
// The server refreshes its public views and snapshot after each publish; a pause between API
// publishes keeps that background work from being measured as the next publish's cost.
const API_PAUSE_MS = 250;
const STATES = ["red", "yellow"] as const;
/** Red and yellow in turn, so every publish changes what customers see. */
const alternate = (n: number) => STATES[((n % 2) + 2) % 2]!;

interface LongIncident {
  number: number;
  componentId: number;
}

/** `incidents` open incidents, each with `postsPerIncident` posts alternating its component red/yellow, ending a minute ago. */
async function addLongIncidents(db: Db): Promise<LongIncident[]> {
  const components = await db.component.findMany({ where: { parentId: { not: null } }, select: { id: true }, orderBy: { id: "asc" } });
  const last = await db.incident.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  const end = Date.now() - 60_000;
  const created: LongIncident[] = [];
  for (let index = 0; index < incidents; index++) {
    const componentId = components[index % components.length]!.id;
    const postedAt = (n: number) => new Date(end - (postsPerIncident - n) * 30_000);
    const incident = await db.incident.create({
      data: { number: (last?.number ?? 0) + 1 + index, title: `Long incident ${index + 1}`, openedAt: postedAt(0), components: { create: [{ componentId }] } },
    });
    for (let from = 0; from < postsPerIncident; from += CHUNK) {
      const batch = Array.from({ length: Math.min(CHUNK, postsPerIncident - from) }, (_, offset) => from + offset);
      const posts = await db.post.createManyAndReturn({
        data: batch.map((n) => ({
          incidentId: incident.id,
          type: n === 0 ? ("investigating" as const) : ("update" as const),
          body: `Update ${n + 1} on a long incident: still investigating.`,
          postedAt: postedAt(n),
          createdAt: postedAt(n),
        })),
        select: { id: true },
      });
      await db.componentStateChange.createMany({ data: posts.map((post, i) => ({ postId: post.id, componentId, state: alternate(from + i) })) });
    }
    created.push({ number: incident.number, componentId });
  }
  return created;
}

function figures(samples: number[], failed = 0): string[] {
  return [String(samples.length), String(failed), ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(Math.max(...samples))];
}

async function throughUseCase(db: Db, long: LongIncident[]): Promise<number[]> {
  const times: number[] = [];
  // One untimed publish per incident first: connections, prepared statements, caches.
  for (let n = -long.length; n < publishes; n++) {
    const target = long[(n + long.length) % long.length]!;
    const started = performance.now();
    const outcome = await publishPost(
      db,
      BENCH_ACTOR,
      {
        incidentNumber: target.number,
        type: "update",
        body: `Bench use-case publish ${n}`,
        stateChanges: [{ componentId: target.componentId, state: alternate(n) }],
      },
      { now: new Date() },
    );
    if (outcome.status !== "published") throw new Error(`publish ${n} was not published: ${outcome.status}`);
    if (n >= 0) times.push(performance.now() - started);
  }
  return times;
}

interface ApiTimes {
  times: number[];
  /** Publishes that got no 201: the answer, or the connection error. */
  failures: string[];
}

async function throughWriteApi(baseUrl: string, token: string, long: LongIncident[]): Promise<ApiTimes> {
  const measured: ApiTimes = { times: [], failures: [] };
  for (let n = -long.length; n < publishes; n++) {
    const target = long[(n + long.length) % long.length]!;
    await sleep(API_PAUSE_MS);
    const started = performance.now();
    const answer = await postUpdate(baseUrl, token, target.number, {
      body: `Bench API publish ${n}`,
      idempotencyKey: `publish-cost-${process.pid}-${n}`,
      stateChanges: [{ componentId: target.componentId, state: alternate(n + 1) }],
    }).catch((error: Error) => ({ status: 0, body: String(error.cause ?? error) }));
    if (n < 0) continue;
    if (answer.status === 201) measured.times.push(performance.now() - started);
    else measured.failures.push(`${answer.status || "no answer"}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
  return measured;
}

const rows: string[][] = [];
/** Each row is printed as soon as it is measured, and again in the table at the end. */
function report(row: string[]): void {
  rows.push(row);
  console.log(row.join(" · "));
}

await onEachSeededDatabase(providers, async (name, database) => {
  const db = openDatabase(database.databaseUrl);
  let long: LongIncident[];
  let token: string;
  try {
    const building = performance.now();
    long = await addLongIncidents(db);
    console.log(`${name}: ${incidents} open incidents × ${postsPerIncident} posts written in ${ms(performance.now() - building)}`);
    report([name, "use-case (publishPost)", ...figures(await throughUseCase(db, long))]);
    token = await createWriteToken(db, "publish-cost");
  } finally {
    await db.$disconnect();
  }
  const server = await startBeacon(database);
  try {
    const { times, failures } = await throughWriteApi(server.url, token, long);
    report([name, "write API (POST …/posts)", ...figures(times, failures.length)]);
    if (failures.length > 0) console.log(`${failures.length} failed, e.g. ${failures[0]}\nserver output (tail):\n${server.output().slice(-3000)}`);
  } finally {
    await server.stop();
  }
});
console.log(`\nPublish cost with ${incidents} open incidents × ${postsPerIncident} posts each, ${publishes} publishes:\n`);
console.log(markdownTable(["database", "through", "publishes", "failed", "p50", "p95", "max"], rows, ["l", "l", "r", "r", "r", "r", "r"]));
