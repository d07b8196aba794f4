// The public read model (lib/db/public-read.ts) on a real SQLite file and a real PostgreSQL database: the same demo data
// must give the same incidents, bodies and Statuspage/Heroku answers on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { loadActivePublicIncidents, loadNewestIncidents, loadPublicComponents, loadPublicIncident } from "@/lib/db/public-read";
import { seedDemo } from "@/lib/db/seed";
import { v3CurrentStatus } from "@/lib/formats/heroku";
import { statuspageSite, summaryJson } from "@/lib/formats/statuspage";
import { openTestDatabase, providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T14:37:12.345Z");

describe.each(providers)("the public read model on $name", (provider) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(provider));
    expect((await seedDemo(db, { now: NOW })).status).toBe("seeded");
  });

  afterAll(async () => {
    await close?.();
  });

  it("reads every component with its record times, by position", async () => {
    const components = await loadPublicComponents(db);
    expect(components).toHaveLength(9);
    const order = components.map((component) => [component.position, component.id] as const);
    expect(order).toEqual([...order].sort(([positionA, idA], [positionB, idB]) => positionA - positionB || idA - idB));
    expect(components.every((component) => component.createdAt instanceof Date && component.updatedAt instanceof Date)).toBe(true);
  });

  it("reads the newest incidents with their post bodies, newest first, by kind and by component", async () => {
    const newest = await loadNewestIncidents(db, { take: 5 });
    expect(newest).toHaveLength(5);
    expect(newest[0]!.title).toBe("Elevated error rates on the Platform API");
    const opened = newest.map((incident) => incident.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => b - a));
    expect(newest.every((incident) => incident.posts.every((post) => post.body.length > 0 && post.statuspagePhase === null && !post.edited))).toBe(true);

    const maintenance = await loadNewestIncidents(db, { take: 50, kind: "maintenance" });
    expect(maintenance.length).toBeGreaterThan(0);
    expect(maintenance.every((incident) => incident.kind === "maintenance")).toBe(true);

    const gitPush = (await loadPublicComponents(db)).find((component) => component.slug === "git-push")!;
    const touching = await loadNewestIncidents(db, { take: 50, componentIds: [gitPush.id] });
    expect(touching.map((incident) => incident.number)).toContain(2105);
    expect(touching.every((incident) => incident.componentIds.includes(gitPush.id))).toBe(true);
  });

  it("reads one incident by number with its posts in timeline order, and marks edits and phases", async () => {
    const outage = await loadPublicIncident(db, 386);
    expect(outage?.posts.map((post) => post.postedAt.toISOString().slice(11, 16))).toEqual([
      "03:18",
      "03:25",
      "03:49",
      "05:02",
      "06:41",
      "08:25",
      "12:10",
      "16:25",
    ]);
    expect(await loadPublicIncident(db, 999_999)).toBeNull();

    const post = outage!.posts[6]!;
    await db.post.update({ where: { id: post.id }, data: { statuspagePhase: "monitoring" } });
    await db.postRevision.create({ data: { postId: post.id, type: post.type, body: "Earlier text.", postedAt: post.postedAt } });
    const edited = (await loadPublicIncident(db, 386))!.posts[6]!;
    expect(edited).toMatchObject({ statuspagePhase: "monitoring", edited: true });
  });

  it("gives the same Statuspage and Heroku answers as the demo story", async () => {
    const [components, active] = await Promise.all([loadPublicComponents(db), loadActivePublicIncidents(db, NOW)]);
    const ctx = { baseUrl: "https://status.example.com", now: NOW, components };
    expect(active.map((incident) => incident.title).sort()).toEqual([
      "Elevated error rates on the Platform API",
      "Scheduled maintenance of add-on provisioning",
    ]);
    expect(v3CurrentStatus(ctx, active).status).toEqual({ Production: "yellow", Development: "green" });
    const summary = summaryJson(statuspageSite(ctx, active));
    expect(summary.status.indicator).toBe("minor");
    expect(summary.components.find((component) => component.id === "production")?.status).toBe("degraded_performance");
  });
});
