// The public read model (lib/db/public-read.ts) on a real SQLite file and a real PostgreSQL database: the same demo data
// must give the same incidents, bodies and Statuspage/Heroku answers on both.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActivePublicIncidents, loadNewestIncidents, loadPublicComponents, loadPublicIncident } from "@/lib/db/public-read";
import { seedDemo } from "@/lib/db/seed";
import { v3CurrentStatus } from "@/lib/formats/heroku";
import { statuspageSite, summaryJson } from "@/lib/formats/statuspage";
import { providers, useTestDatabase } from "../support/test-databases";

const NOW = new Date("2026-11-22T14:37:12.345Z");

describe.each(providers)("the public read model on $name", (provider) => {
  const site = useTestDatabase(provider);

  beforeAll(async () => {
    expect((await seedDemo(site.db, { now: NOW })).status).toBe("seeded");
  });

  it("reads every component with its record times, by position", async () => {
    const components = await loadPublicComponents(site.db);
    expect(components).toHaveLength(9);
    const order = components.map((component) => [component.position, component.id] as const);
    expect(order).toEqual([...order].sort(([positionA, idA], [positionB, idB]) => positionA - positionB || idA - idB));
    expect(components.every((component) => component.createdAt instanceof Date && component.updatedAt instanceof Date)).toBe(true);
  });

  it("reads the newest incidents with their post bodies, newest first, by kind and by component", async () => {
    const newest = await loadNewestIncidents(site.db, { take: 5 });
    expect(newest).toHaveLength(5);
    expect(newest[0]!.title).toBe("Elevated error rates on the Platform API");
    const opened = newest.map((incident) => incident.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => b - a));
    expect(newest.every((incident) => incident.posts.every((post) => post.body.length > 0 && post.statuspagePhase === null && !post.edited))).toBe(true);

    const maintenance = await loadNewestIncidents(site.db, { take: 50, kind: "maintenance" });
    expect(maintenance.length).toBeGreaterThan(0);
    expect(maintenance.every((incident) => incident.kind === "maintenance")).toBe(true);

    const gitPush = (await loadPublicComponents(site.db)).find((component) => component.slug === "git-push")!;
    const touching = await loadNewestIncidents(site.db, { take: 50, componentIds: [gitPush.id] });
    expect(touching.map((incident) => incident.number)).toContain(2105);
    expect(touching.every((incident) => incident.componentIds.includes(gitPush.id))).toBe(true);
  });

  it("reads one incident by number with its posts in timeline order, and marks edits and phases", async () => {
    const outage = await loadPublicIncident(site.db, 386);
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
    expect(await loadPublicIncident(site.db, 999_999)).toBeNull();

    const post = outage!.posts[6]!;
    await site.db.post.update({ where: { id: post.id }, data: { statuspagePhase: "monitoring" } });
    await site.db.postRevision.create({ data: { postId: post.id, type: post.type, body: "Earlier text.", postedAt: post.postedAt } });
    const edited = (await loadPublicIncident(site.db, 386))!.posts[6]!;
    expect(edited).toMatchObject({ statuspagePhase: "monitoring", edited: true });
  });

  it("gives the same Statuspage and Heroku answers as the demo story", async () => {
    const [components, active] = await Promise.all([loadPublicComponents(site.db), loadActivePublicIncidents(site.db, NOW)]);
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
