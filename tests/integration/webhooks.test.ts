// Webhooks on SQLite and PostgreSQL: the outbox row is written in the publish transaction, the
// dispatcher delivers signed POSTs to a local receiver, retries with backoff on an injected clock,
// survives a restart, never sends a row twice, disables an endpoint that keeps failing, and
// prunes old finished deliveries exactly as the retention rule says. The local receiver is on
// 127.0.0.1, which only BEACON_WEBHOOK_ALLOW makes reachable: without it, it is refused.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { openIncident, previewPublish, publishPost } from "@/lib/incidents/publish";
import { inTransaction } from "@/lib/incidents/published";
import { WebhookDispatcher } from "@/lib/webhooks/dispatcher";
import { ADDRESS_NOT_ALLOWED, CONNECTION_FAILED } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { prunableDeliveries, WEBHOOK_RETENTION, type RetainedDelivery, type RetentionPolicy } from "@/lib/webhooks/retention";
import { verifySignature } from "@/lib/webhooks/signature";
import { openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { startReceiver, type Receiver } from "../support/receiver";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");
const SECRET = "test-secret-0123456789";
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ALLOW = "BEACON_WEBHOOK_ALLOW";

/** Runs `work` with BEACON_WEBHOOK_ALLOW set to `value` (a dispatcher reads it when created), then restores the test's own. */
async function withAllowList<T>(value: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env[ALLOW];
  process.env[ALLOW] = value;
  try {
    return await work();
  } finally {
    process.env[ALLOW] = saved;
  }
}

describe.each(providers)("webhooks on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;
  let receiver: Receiver;
  let clock = T0;
  let seq = 0;
  const dispatcher = (database: Db = site.db) => new WebhookDispatcher(database, { now: () => clock, random: () => 0.5, timeoutMs: 500 });
  const register = (overrides: Partial<Parameters<typeof createWebhookEndpoint>[2]> = {}) =>
    createWebhookEndpoint(site.db, actors.admin, {
      name: `hook ${++seq}`,
      url: receiver.url,
      secret: SECRET,
      format: "json",
      componentIds: [],
      events: [],
      ...overrides,
    });
  const open = async (componentId = ids.production) => {
    const outcome = await openIncident(site.db, actors.commander, openProductionOutage(componentId, { title: `Outage ${++seq}` }), { now: clock });
    if (outcome.status !== "published") throw new Error("not published");
    return outcome;
  };

  let savedAllow: string | undefined;
  beforeAll(async () => {
    savedAllow = process.env[ALLOW];
    process.env[ALLOW] = "127.0.0.1";
  });
  afterAll(async () => {
    process.env[ALLOW] = savedAllow;
    if (savedAllow === undefined) delete process.env[ALLOW];
  });
  beforeEach(async () => {
    receiver = await startReceiver();
    clock = T0;
    // Each test starts with no endpoints and an empty outbox.
    await site.db.webhookEndpoint.deleteMany();
  });
  afterEach(() => receiver.close());

  it("writes one outbox row per matching endpoint in the publish transaction, and none when it rolls back", async () => {
    await register();
    await register({ componentIds: [ids.development] });
    const outcome = await open();
    const rows = await site.db.webhookDelivery.findMany({ where: { event: "incident.opened" }, orderBy: { id: "desc" }, take: 5 });
    expect(rows.filter((row) => JSON.parse(row.payload).post.id === outcome.postId)).toHaveLength(1);

    const before = await site.db.webhookDelivery.count();
    const failing = site.db.$transaction(async (tx) => {
      await inTransaction(tx, {
        action: "post.publish",
        actor: actors.commander,
        incidentNumber: outcome.incidentNumber,
        postId: outcome.postId,
        now: clock,
        before: {},
        after: {},
      });
      expect(await tx.webhookDelivery.count()).toBe(before + 1);
      throw new Error("the publish failed after queueing");
    });
    await expect(failing).rejects.toThrow("the publish failed after queueing");
    expect(await site.db.webhookDelivery.count()).toBe(before);
  });

  it("counts the subscribers in the publish preview, by component and event filter", async () => {
    await register({ componentIds: [ids.production] });
    await register({ componentIds: [ids.development] });
    await register({ events: ["incident.resolved"] });
    const preview = await previewPublish(site.db, openProductionOutage(ids.gitPush, { componentIds: [ids.gitPush] }), clock);
    expect(preview.announcements).toContain("1 webhook subscriber will be notified");
  });

  it("delivers a signed JSON POST with the incident, the post and the component changes", async () => {
    const { id } = await register();
    // A new system, so the change is green → red whatever earlier tests left open.
    const api = await site.db.component.create({ data: { slug: "api", name: "API", position: 9 } });
    const outcome = await open(api.id);
    const started = performance.now();
    expect(await dispatcher().runOnce()).toBe(1);
    const latency = performance.now() - started;
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(verifySignature(SECRET, request!.headers["x-beacon-signature"] as string, request!.body, clock)).toBe(true);
    expect(request!.headers["x-beacon-event"]).toBe("incident.opened");
    expect(JSON.parse(request!.body)).toMatchObject({
      event: "incident.opened",
      incident: { number: outcome.incidentNumber, status: "open" },
      post: { id: outcome.postId, type: "investigating" },
      component_changes: [{ slug: "api", name: "API", old_state: "green", new_state: "red" }],
    });
    const delivery = await site.db.webhookDelivery.findFirst({ where: { endpointId: id }, include: { attemptLog: true } });
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1 });
    expect(delivery!.attemptLog).toMatchObject([{ statusCode: 200, error: null }]);
    console.log(`[measure] ${provider.name}: dispatch round to local receiver ${latency.toFixed(1)} ms`);
  });

  it("sends the Slack-compatible payload to a Slack endpoint", async () => {
    await register({ format: "slack" });
    await open();
    await dispatcher().runOnce();
    const body = JSON.parse(receiver.received[0]!.body);
    expect(body.text).toMatch(/^Incident #\d+ opened: Outage \d+ http/);
    expect(body.attachments[0].blocks[0].type).toBe("section");
  });

  it("retries non-2xx and timeouts with backoff (2, 4 minutes), not before they are due", async () => {
    const { id } = await register();
    receiver.script.push(500, "hang");
    await open();
    await dispatcher().runOnce();
    clock = minutes(1.9);
    expect(await dispatcher().runOnce()).toBe(0);
    clock = minutes(2);
    await dispatcher().runOnce();
    clock = minutes(5.9);
    expect(await dispatcher().runOnce()).toBe(0);
    clock = minutes(6);
    await dispatcher().runOnce();
    const attempts = await site.db.webhookAttempt.findMany({ where: { endpointId: id }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => [a.attemptedAt, a.statusCode, a.error])).toEqual([
      [minutes(0), 500, "HTTP 500"],
      [minutes(2), null, "timed out after 0.5 s"],
      [minutes(6), 200, null],
    ]);
    expect(await site.db.webhookDelivery.findFirst({ where: { endpointId: id } })).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("survives a restart: a new dispatcher on a new connection sends what was queued", async () => {
    await register();
    await open();
    const restarted = createDb(site.target);
    try {
      expect(await dispatcher(restarted).runOnce()).toBe(1);
    } finally {
      await restarted.$disconnect();
    }
    expect(receiver.received).toHaveLength(1);
  });

  it("two dispatchers at once never send a row twice", async () => {
    await register();
    for (let i = 0; i < 5; i++) await open();
    const second = createDb(site.target);
    try {
      const [a, b] = await Promise.all([dispatcher().runOnce(), dispatcher(second).runOnce()]);
      expect(a + b).toBe(5);
    } finally {
      await second.$disconnect();
    }
    expect(receiver.received).toHaveLength(5);
  });

  it("disables an endpoint after 3 deliveries in a row failed 6 times each, with a visible reason", async () => {
    const { id } = await register();
    receiver.script.push(...Array(18).fill(503));
    for (let i = 0; i < 3; i++) await open();
    for (const at of [0, 2, 6, 14, 30, 62]) {
      clock = minutes(at);
      await dispatcher().runOnce();
    }
    const endpoint = await site.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint.disabledAt).toEqual(minutes(62));
    expect(endpoint.disabledReason).toMatch(/3 deliveries in a row failed after 6 tries each \(last error: HTTP 503\)/);
    expect(receiver.received).toHaveLength(18);
    const { incidentNumber } = await open();
    await publishPost(site.db, actors.commander, { incidentNumber, type: "update", body: "still", stateChanges: [] }, { now: clock });
    expect(await site.db.webhookDelivery.count({ where: { endpointId: id, status: "pending" } })).toBe(0);
  });

  describe("address policy", () => {
    const attemptsOf = (endpointId: number) => site.db.webhookAttempt.findMany({ where: { endpointId }, orderBy: { id: "asc" } });

    it("refuses 127.0.0.1, localhost and 0x7f000001 when they are not allow-listed: nothing is sent, the log says only 'address not allowed'", async () => {
      const direct = await register();
      const byName = await register({ url: receiver.url.replace("127.0.0.1", "localhost") });
      const numeric = await register({ url: receiver.url.replace("127.0.0.1", "0x7f000001") });
      await open();
      expect(await withAllowList("", async () => dispatcher().runOnce())).toBe(3);
      expect(receiver.received).toHaveLength(0);
      for (const { id } of [direct, byName, numeric]) {
        expect((await attemptsOf(id)).map((a) => [a.statusCode, a.error])).toEqual([[null, ADDRESS_NOT_ALLOWED]]);
      }
    });

    it("an allow-listed host name reaches the receiver; an allow-listed address on a closed port logs only 'connection failed'", async () => {
      const byName = await register({ url: receiver.url.replace("127.0.0.1", "localhost") });
      const closedPort = await register({ url: "http://127.0.0.1:1/hook" });
      await open();
      await withAllowList("127.0.0.1, localhost", async () => dispatcher().runOnce());
      expect(receiver.received).toHaveLength(1);
      expect((await attemptsOf(byName.id)).map((a) => a.statusCode)).toEqual([200]);
      expect((await attemptsOf(closedPort.id)).map((a) => [a.statusCode, a.error])).toEqual([[null, CONNECTION_FAILED]]);
    });

    it("refuses to register an internal address typed as such unless allow-listed, with a field message", async () => {
      for (const url of ["http://127.0.0.1:8080/", "http://169.254.169.254/latest", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://10.1.2.3/"]) {
        await expect(withAllowList("", () => register({ url }))).rejects.toMatchObject({ field: "url", message: /BEACON_WEBHOOK_ALLOW/ });
      }
      await expect(withAllowList("10.0.0.0/8", () => register({ url: "http://10.1.2.3/" }))).resolves.toMatchObject({ id: expect.any(Number) });
    });
  });

  describe("retention", () => {
    const DAY = 86_400_000;
    const daysAgo = (days: number) => new Date(T0.getTime() - days * DAY);
    const policy = (overrides: Partial<RetentionPolicy> = {}): RetentionPolicy => ({ ...WEBHOOK_RETENTION, keepPerEndpoint: 4, batchSize: 3, ...overrides });
    const pruner = (retention: RetentionPolicy) => new WebhookDispatcher(site.db, { now: () => clock, retention });

    /** Deliveries queued `age` days ago, each with `attempts` logged attempts. */
    async function seed(endpointId: number, rows: [age: number, status: RetainedDelivery["status"], attempts: number][]) {
      for (const [age, status, attempts] of rows) {
        const createdAt = daysAgo(age);
        const finishedAt = status === "pending" ? null : new Date(createdAt.getTime() + 60_000);
        const delivery = await site.db.webhookDelivery.create({
          data: { endpointId, event: "incident.updated", payload: "{}", status, attempts, nextAttemptAt: createdAt, createdAt, finishedAt },
        });
        for (let i = 0; i < attempts; i++) {
          await site.db.webhookAttempt.create({
            data: { deliveryId: delivery.id, endpointId, attemptedAt: createdAt, statusCode: 500, error: "HTTP 500", durationMs: 3 },
          });
        }
      }
    }

    const deliveriesOf = (endpointId: number) =>
      site.db.webhookDelivery.findMany({ where: { endpointId }, select: { id: true, status: true, createdAt: true }, orderBy: { id: "asc" } });

    it("deletes exactly what the retention rule allows, with the attempts, per endpoint and never a pending row", async () => {
      const a = await register();
      const b = await register();
      await seed(a.id, [
        [90, "delivered", 1],
        [80, "failed", 6],
        [70, "pending", 2],
        [60, "delivered", 1],
        [45, "failed", 6],
        [40, "delivered", 1],
        [31, "delivered", 2],
        [20, "delivered", 1],
        [5, "failed", 6],
        [1, "delivered", 1],
        [0, "pending", 0],
      ]);
      await seed(b.id, [
        [200, "delivered", 1],
        [100, "delivered", 1],
        [50, "failed", 1],
      ]);
      const retention = policy();
      const expected = new Set([
        ...prunableDeliveries(await deliveriesOf(a.id), T0, retention),
        ...prunableDeliveries(await deliveriesOf(b.id), T0, retention),
      ]);
      // A keeps its 4 newest finished (31, 20, 5, 1 days) and both pending; 90, 80, 60, 45, 40 days go.
      expect(expected.size).toBe(5);
      const before = [...(await deliveriesOf(a.id)), ...(await deliveriesOf(b.id))];
      const attemptsBefore = await site.db.webhookAttempt.count({ where: { endpointId: { in: [a.id, b.id] } } });
      const expectedAttempts = await site.db.webhookAttempt.count({ where: { deliveryId: { in: [...expected] } } });

      expect(await pruner(retention).pruneOnce()).toEqual({ deliveries: 5, attempts: expectedAttempts, complete: true });

      const after = [...(await deliveriesOf(a.id)), ...(await deliveriesOf(b.id))];
      expect(after.map((row) => row.id)).toEqual(before.filter((row) => !expected.has(row.id)).map((row) => row.id));
      // Endpoint B has fewer than 4 finished deliveries: all stay, even at 200 days.
      expect(await deliveriesOf(b.id)).toHaveLength(3);
      expect(after.filter((row) => row.status === "pending")).toHaveLength(2);
      expect(await site.db.webhookAttempt.count({ where: { endpointId: { in: [a.id, b.id] } } })).toBe(attemptsBefore - expectedAttempts);
      expect(await site.db.webhookAttempt.count({ where: { deliveryId: { in: [...expected] } } })).toBe(0);
      expect(await pruner(retention).pruneOnce()).toEqual({ deliveries: 0, attempts: 0, complete: true });
    });

    it("works in bounded batches: a run stops after its batches and the next one finishes", async () => {
      const { id } = await register();
      await seed(
        id,
        Array.from({ length: 12 }, (_, index): [number, "delivered", number] => [40 + index, "delivered", 1]),
      );
      const retention = policy({ keepPerEndpoint: 2, batchSize: 3, maxBatchesPerRun: 2 });
      expect(await pruner(retention).pruneOnce()).toEqual({ deliveries: 6, attempts: 6, complete: false });
      expect(await pruner(retention).pruneOnce()).toEqual({ deliveries: 4, attempts: 4, complete: true });
      const left = await deliveriesOf(id);
      expect(left.map((row) => row.createdAt)).toEqual([daysAgo(40), daysAgo(41)]);
    });

    it("prunes once as the dispatcher starts (then on its hourly timer)", async () => {
      const { id } = await register();
      await seed(id, [
        [60, "delivered", 1],
        [50, "delivered", 1],
        [40, "failed", 1],
        [2, "delivered", 1],
        [1, "delivered", 1],
      ]);
      const lines: string[] = [];
      const running = new WebhookDispatcher(site.db, {
        now: () => clock,
        retention: policy({ keepPerEndpoint: 2 }),
        pollMs: 60_000,
        log: (line) => lines.push(line),
      });
      running.start();
      await running.stop();
      expect((await deliveriesOf(id)).map((row) => row.createdAt)).toEqual([daysAgo(2), daysAgo(1)]);
      expect(lines).toEqual(["webhooks: pruned 3 deliveries and 3 attempts finished more than 30 days ago"]);
    });
  });
});
