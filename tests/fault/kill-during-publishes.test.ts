// `kill -9` of the server while machines publish through the write API, 20 at a time. After the
// restart every publish that was acknowledged (2xx) is there exactly once with everything it
// writes (audit event, state changes, webhook outbox row), nothing is half-written, and retrying the
// rest with the same Idempotency-Keys lands each exactly once. FAULT_LONG=1: 2,000 publishes, 3 kills.
// Publishes go 200 to an incident, as an alerting pipeline would spread them: every publish reads
// its incident's whole timeline, so thousands of posts on one incident would measure that instead.
import { randomBytes } from "node:crypto";
import { describe, test, type ExpectStatic } from "vitest";
import type { Db } from "@/lib/db/client";
import { startBeacon, freePort, type BeaconProcess } from "../../scripts/support/beacon-process";
import { createThrowawayDatabase, PROVIDERS } from "../../scripts/support/databases";
import { createWriteToken, openDatabase, registerWebhook, seedDatabase } from "../../scripts/support/seed";
import { openIncident, postUpdate, type PostRequest } from "../../scripts/support/write-client";
import { forThisRun } from "./support/run-length";

const RUN = forThisRun({ short: { publishes: 200, kills: 1 }, long: { publishes: 2_000, kills: 3 } });
const CONCURRENCY = 20;
const PUBLISHES_PER_INCIDENT = 200;
/** A crashed request's Idempotency-Key reservation expires after a minute (lib/api/idempotency.ts). */
const RETRY_FOR_MS = 100_000;
/** A request the server never answers counts as "no answer" rather than hanging the test. */
const REQUEST_TIMEOUT_MS = 60_000;
const COMPONENT = "routing";
const STATES = ["yellow", "red", "green"] as const;

interface Publish {
  incident: number;
  request: PostRequest;
  /** The post id from a 2xx answer. */
  acknowledged?: number;
}

/** What happened to the requests of one round, for the failure message and the log. */
type Outcomes = Map<string, number>;

/**
 * Sends every publish not yet acknowledged, CONCURRENCY at a time. With `killAfter`, SIGKILLs the
 * server once that many more have been acknowledged, while the others are in flight.
 */
async function fire(server: BeaconProcess, token: string, publishes: Publish[], killAfter?: number): Promise<Outcomes> {
  const queue = publishes.filter((publish) => publish.acknowledged === undefined);
  const outcomes: Outcomes = new Map();
  const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  let acknowledged = 0;
  let killing: Promise<void> | null = null;
  const worker = async () => {
    for (let publish = queue.shift(); publish && !killing; publish = queue.shift()) {
      try {
        const answer = await postUpdate(server.url, token, publish.incident, publish.request, AbortSignal.timeout(REQUEST_TIMEOUT_MS));
        if (answer.status === 200 || answer.status === 201) {
          publish.acknowledged = answer.body.post.id;
          acknowledged += 1;
          if (killAfter !== undefined && acknowledged >= killAfter) killing ??= server.kill9();
        }
        count(`${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ""}`);
      } catch {
        count("no answer");
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await killing;
  return outcomes;
}

/**
 * Retries until every publish is acknowledged. A crashed request's key answers 409 until its
 * reservation expires, so the bound is on progress: it gives up after RETRY_FOR_MS without a new
 * acknowledgement.
 */
async function retryUntilAcknowledged(server: BeaconProcess, token: string, publishes: Publish[]): Promise<Outcomes> {
  const all: Outcomes = new Map();
  const waiting = () => publishes.filter((publish) => publish.acknowledged === undefined).length;
  let deadline = Date.now() + RETRY_FOR_MS;
  while (waiting() > 0 && Date.now() < deadline) {
    const before = waiting();
    for (const [outcome, n] of await fire(server, token, publishes)) all.set(outcome, (all.get(outcome) ?? 0) + n);
    if (waiting() < before) deadline = Date.now() + RETRY_FOR_MS;
    if (waiting() > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return all;
}

/**
 * The database after a crash: each acknowledged publish exactly once with the post id it was
 * acknowledged with, and every post of the run complete — one audit event, its state changes,
 * one outbox row — with no audit event or outbox row left without its post.
 */
async function expectWhole(expect: ExpectStatic, db: Db, publishes: Publish[], routingId: number): Promise<void> {
  const byBody = new Map(publishes.map((publish) => [publish.request.body, publish]));
  const posts = await db.post.findMany({
    where: { incident: { number: { in: [...new Set(publishes.map((publish) => publish.incident))] } }, type: "update" },
    select: { id: true, body: true, stateChanges: { select: { componentId: true, state: true } } },
  });
  const bodies = posts.map((post) => post.body);
  expect(new Set(bodies).size, "a publish landed twice").toBe(bodies.length);
  for (const post of posts) expect(byBody.has(post.body), `a post nobody sent: ${post.body}`).toBe(true);
  const postIdByBody = new Map(posts.map((post) => [post.body, post.id]));
  const missing = publishes.filter((publish) => publish.acknowledged !== undefined && postIdByBody.get(publish.request.body) !== publish.acknowledged);
  expect(
    missing.map((publish) => publish.request.body),
    "acknowledged but missing (or under another id)",
  ).toEqual([]);

  const audit = await db.auditEvent.findMany({ where: { action: "post.publish" }, select: { targetId: true } });
  const deliveries = await db.webhookDelivery.findMany({ select: { payload: true } });
  const auditedPosts = audit.map((event) => Number(event.targetId));
  const notifiedPosts = deliveries.map((delivery) => JSON.parse(delivery.payload).post.id as number);
  const postIds = new Set(posts.map((post) => post.id));
  for (const [what, ids] of [
    ["audit events", auditedPosts],
    ["outbox rows", notifiedPosts],
  ] as const) {
    const ofThisRun = ids.filter((id) => postIds.has(id));
    expect(new Set(ofThisRun).size, `${what}: more than one for a post`).toBe(ofThisRun.length);
    expect(ofThisRun.length, `${what}: a post without one`).toBe(posts.length);
  }
  const existing = new Set((await db.post.findMany({ select: { id: true } })).map((post) => post.id));
  expect(
    auditedPosts.filter((id) => !existing.has(id)),
    "audit events of posts that do not exist",
  ).toEqual([]);
  expect(
    notifiedPosts.filter((id) => !existing.has(id)),
    "outbox rows of posts that do not exist",
  ).toEqual([]);

  for (const post of posts) {
    const expected = (byBody.get(post.body)!.request.stateChanges ?? []).map((change) => ({ componentId: routingId, state: change.state }));
    expect(post.stateChanges, `state changes of "${post.body}"`).toEqual(expected);
  }
}

function describeOutcomes(outcomes: Outcomes): string {
  return [...outcomes].map(([outcome, n]) => `${n}× ${outcome}`).join(", ");
}

// The two databases run side by side: most of each test is waiting for crashed requests' keys to expire.
describe(`kill -9 of the server during ${RUN.publishes} publishes, ${RUN.kills} kill${RUN.kills > 1 ? "s" : ""}`, () => {
  test.concurrent.for(PROVIDERS)("$name: acknowledged ones land exactly once, retries land the rest once", async ({ provider }, { expect, onTestFinished }) => {
    const database = await createThrowawayDatabase(provider);
    onTestFinished(() => database.close());
    await seedDatabase(database);
    const db = openDatabase(database.databaseUrl);
    onTestFinished(() => db.$disconnect());
    const token = await createWriteToken(db);
    // Nothing listens there: every publish leaves a pending outbox row behind.
    await registerWebhook(db, `http://127.0.0.1:${await freePort()}/beacon`);
    const routingId = (await db.component.findUniqueOrThrow({ where: { slug: COMPONENT } })).id;

    let server = await startBeacon(database);
    onTestFinished(() => server.stop());
    const run = randomBytes(4).toString("hex");
    const incidents: number[] = [];
    for (let i = 0; i < RUN.publishes / PUBLISHES_PER_INCIDENT; i++)
      incidents.push(await openIncident(server.url, token, `Fault run ${run} (${i + 1})`, [COMPONENT]));
    const publishes: Publish[] = Array.from({ length: RUN.publishes }, (_, i) => ({
      incident: incidents[Math.floor(i / PUBLISHES_PER_INCIDENT)]!,
      request: {
        body: `Fault run ${run}: update ${i + 1} of ${RUN.publishes}.`,
        idempotencyKey: `fault-${run}-${i + 1}`,
        // Every third publish moves the component, so some posts carry state changes.
        ...(i % 3 === 0 ? { stateChanges: [{ componentId: COMPONENT, state: STATES[(i / 3) % STATES.length]! }] } : {}),
      },
    }));

    for (let kill = 1; kill <= RUN.kills; kill++) {
      const before = publishes.filter((publish) => publish.acknowledged !== undefined).length;
      const outcomes = await fire(server, token, publishes, Math.round((RUN.publishes / (RUN.kills + 1)) * 0.8));
      const acknowledged = publishes.filter((publish) => publish.acknowledged !== undefined).length;
      console.log(`${provider}, kill ${kill}: ${describeOutcomes(outcomes)}; ${acknowledged - before} newly acknowledged before the SIGKILL`);
      // Up to the kill, the server answered every publish: a commander's publish never fails under load.
      const failures = [...outcomes.keys()].filter((outcome) => !/^(200|201|409 request_in_progress|no answer)/.test(outcome));
      expect(failures, server.output()).toEqual([]);
      expect(outcomes.get("no answer") ?? 0, "the kill came after every request had finished").toBeGreaterThan(0);

      server = await startBeacon({ ...database, port: server.port });
      await expectWhole(expect, db, publishes, routingId);
    }

    const retried = await retryUntilAcknowledged(server, token, publishes);
    console.log(`${provider}, retries: ${describeOutcomes(retried)}`);
    expect(
      publishes.filter((publish) => publish.acknowledged === undefined).length,
      `not acknowledged (${RETRY_FOR_MS / 1000} s without progress)\n${server.output().slice(-5_000)}`,
    ).toBe(0);
    await expectWhole(expect, db, publishes, routingId);
    expect(await db.post.count({ where: { incident: { number: { in: incidents } }, type: "update" } })).toBe(RUN.publishes);
  });
});
