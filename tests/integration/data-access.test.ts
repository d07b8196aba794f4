// The data-access layer on a real SQLite file and a real PostgreSQL database: migrations, the demo
// seed and the timeline queries must give the same answers on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo, seedHistory, SeedRefusedError } from "@/lib/db/seed";
import { loadActiveIncidents, loadComponents, loadIncidentByNumber, loadIncidentsOverlapping } from "@/lib/db/timeline-queries";
import { demoDataset, syntheticHistory } from "@/lib/demo";
import { currentStates, incidentDurations, maintenanceStatus, type TimelineIncident } from "@/lib/timeline";
import { providers, type TestDatabase } from "../support/test-databases";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const postTimes = (incident: TimelineIncident | null) => incident?.posts.map((post) => post.postedAt.getTime()) ?? [];
const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

describe.each(providers)("data access on $name", (provider) => {
  let database: TestDatabase;
  let db: Db;
  const slugId = new Map<string, number>();
  const idOf = (slug: string) => slugId.get(slug)!;

  beforeAll(async () => {
    database = await provider.create();
    await applyMigrations(database.target);
    db = createDb(database.target);
    expect((await seedDemo(db, { now: NOW })).status).toBe("seeded");
    for (const component of await loadComponents(db)) slugId.set(component.slug, component.id);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives #386 exactly red 5h and yellow 8h on Production and Development", async () => {
    const outage = await loadIncidentByNumber(db, 386);
    expect(outage?.componentIds.sort()).toEqual([idOf("production"), idOf("development")].sort());
    const durations = incidentDurations(outage!, await loadComponents(db), NOW);
    for (const system of ["production", "development"]) {
      expect(durations.find((entry) => entry.componentId === idOf(system))?.durations).toMatchObject({ red: 18_000_000, yellow: 28_800_000 });
    }
    const resolved = await db.incident.findUnique({ where: { number: 386 }, select: { resolvedAt: true } });
    expect(resolved?.resolvedAt?.toISOString()).toBe("2012-06-30T16:25:00.000Z");
  });

  it("lists the open incident as active, and Production is yellow through the Platform API", async () => {
    const active = await loadActiveIncidents(db, NOW);
    const open = active.find((incident) => incident.title === "Elevated error rates on the Platform API");
    expect(open?.componentIds).toEqual([idOf("platform-api")]);
    expect(await db.incident.findUnique({ where: { number: open!.number }, select: { resolvedAt: true } })).toEqual({ resolvedAt: null });
    const states = currentStates(active, await loadComponents(db), NOW);
    expect(states.get(idOf("platform-api"))).toBe("yellow");
    expect(states.get(idOf("production"))).toBe("yellow");
    expect(states.get(idOf("development"))).toBe("green");
  });

  it("lists the upcoming maintenance, not blue yet", async () => {
    const active = await loadActiveIncidents(db, NOW);
    const upcoming = active.filter((incident) => incident.kind === "maintenance");
    expect(upcoming.map((incident) => maintenanceStatus(incident, NOW))).toEqual(["upcoming"]);
    expect(upcoming[0]?.scheduledStartAt?.getTime()).toBe(Date.UTC(2026, 10, 25, 14));
    expect(currentStates(active, await loadComponents(db), NOW).get(idOf("add-on-provisioning"))).toBe("green");
  });

  it("returns the generated history from the last 90 days, with every post in order", async () => {
    const expected = demoDataset(NOW).incidents.filter((incident) => incident.number >= 2400 && (incident.scheduledStartAt ?? incident.openedAt) < NOW);
    const overlapping = await loadIncidentsOverlapping(db, { from: new Date(NOW.getTime() - 90 * DAY), to: NOW });
    expect(overlapping.map((incident) => incident.number).sort()).toEqual(expected.map((incident) => incident.number).sort());
    for (const incident of overlapping) {
      const built = expected.find((candidate) => candidate.number === incident.number)!;
      expect(postTimes(incident)).toEqual(built.posts.map((post) => post.postedAt.getTime()));
      expect(incident.posts.map((post) => post.type)).toEqual(built.posts.map((post) => post.type));
    }
  });

  it("returns a backdated post in postedAt order, not in the order it was written", async () => {
    const open = (await loadActiveIncidents(db, NOW)).find((incident) => incident.kind === "incident")!;
    const backdatedTo = new Date(open.openedAt.getTime() + 60_000);
    await db.post.create({ data: { incidentId: open.id, type: "update", body: "Backdated note.", postedAt: backdatedTo, createdAt: NOW } });
    const reloaded = await loadIncidentByNumber(db, open.number);
    expect(reloaded?.posts.map((post) => post.type)).toEqual(["investigating", "update", "issue"]);
    expect(postTimes(reloaded)).toEqual(ascending(postTimes(reloaded)));
    expect(reloaded!.posts[1]!.createdAt.getTime()).toBeGreaterThan(reloaded!.posts[2]!.createdAt.getTime());
  });

  it("round-trips DateTime to the millisecond, and fills @default(now()) with the current time", async () => {
    const instants = { openedAt: "2024-02-29T23:59:59.987Z", scheduledStartAt: "1999-12-31T23:59:59.001Z", scheduledEndAt: "2038-01-19T03:14:08.999Z" };
    const before = Date.now();
    const created = await db.incident.create({
      data: { number: 9001, title: "Clock test", kind: "maintenance", ...instants },
      select: { id: true, createdAt: true },
    });
    const after = Date.now();
    const row = await db.incident.findUniqueOrThrow({ where: { id: created.id } });
    expect({ openedAt: row.openedAt, scheduledStartAt: row.scheduledStartAt, scheduledEndAt: row.scheduledEndAt }).toEqual({
      openedAt: new Date(instants.openedAt),
      scheduledStartAt: new Date(instants.scheduledStartAt),
      scheduledEndAt: new Date(instants.scheduledEndAt),
    });
    expect(row.createdAt.getTime()).toBe(created.createdAt.getTime());
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.createdAt.getTime()).toBeLessThanOrEqual(after);
    const found = await db.incident.findMany({ where: { openedAt: { gt: new Date("2024-02-29T23:59:59.986Z"), lt: new Date("2024-02-29T23:59:59.988Z") } } });
    expect(found.map((incident) => incident.number)).toEqual([9001]);
    await db.incident.delete({ where: { id: created.id } });
  });

  it("does nothing when the demo is seeded again", async () => {
    const counts = async () => [await db.component.count(), await db.incident.count(), await db.post.count(), await db.componentStateChange.count()];
    const before = await counts();
    expect(await seedDemo(db, { now: new Date(NOW.getTime() + DAY) })).toEqual({ status: "already-present" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a database with other content unless forced, and then keeps users and the audit log", async () => {
    await db.incident.update({ where: { number: 386 }, data: { number: 1386 } });
    const user = await db.user.create({ data: { email: "ada@example.com", passwordHash: "x", role: "admin" } });
    await db.auditEvent.create({ data: { actorId: user.id, actorLabel: user.email, action: "incident.update", targetType: "incident" } });
    await expect(seedDemo(db, { now: NOW })).rejects.toThrow(SeedRefusedError);
    await expect(seedHistory(db, { count: 10, now: NOW })).rejects.toThrow(SeedRefusedError);

    const result = await seedDemo(db, { now: NOW, force: true });
    expect(result).toMatchObject({ status: "seeded", replaced: true });
    const dataset = demoDataset(NOW);
    expect(await db.incident.count()).toBe(dataset.incidents.length);
    expect(await db.post.count()).toBe(dataset.incidents.reduce((sum, incident) => sum + incident.posts.length, 0));
    expect(await db.incident.findUnique({ where: { number: 1386 } })).toBeNull();
    expect(await loadIncidentByNumber(db, 386)).not.toBeNull();
    expect(await db.user.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it("seeds the same 200-incident history every time, readable in order through the queries", async () => {
    const listing = () => db.incident.findMany({ where: { number: { gte: 100_000 } }, orderBy: { number: "asc" }, select: { number: true, title: true } });
    expect(await seedHistory(db, { count: 200, now: NOW })).toMatchObject({ status: "seeded", replaced: false, numbers: { first: 100_000, last: 100_199 } });
    const first = await listing();
    expect(await seedHistory(db, { count: 200, now: NOW })).toEqual({ status: "already-present" });
    await expect(seedHistory(db, { count: 300, now: NOW })).rejects.toThrow(SeedRefusedError);
    expect(await seedHistory(db, { count: 200, now: NOW, force: true })).toMatchObject({ status: "seeded", replaced: true });
    expect(await listing()).toEqual(first);
    expect(first.map((incident) => incident.title)).toEqual(syntheticHistory(200, NOW).map((incident) => incident.title));

    const everything = await loadIncidentsOverlapping(db, { from: new Date(NOW.getTime() - 9 * 365 * DAY), to: NOW });
    expect(everything).toHaveLength(200);
    for (const incident of everything) expect(postTimes(incident)).toEqual(ascending(postTimes(incident)));
    const posts = everything.reduce((sum, incident) => sum + incident.posts.length, 0);
    expect(posts).toBe(syntheticHistory(200, NOW).reduce((sum, incident) => sum + incident.posts.length, 0));
  });
});
