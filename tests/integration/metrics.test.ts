// The metrics' one query (lib/db/metrics-queries.ts) on the demo seed, on SQLite and PostgreSQL:
// it returns what lib/metrics/ needs — incidents with their posts, components, each incident's
// earliest internal entry and the action items alive in the range — and the demo's figures follow.
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkingHours, updateWorkingHours, WORKING_HOURS_KEY } from "@/lib/admin/working-hours";
import type { Actor, Role } from "@/lib/auth/roles";
import { loadMetricsData } from "@/lib/db/metrics-queries";
import { seedDemo } from "@/lib/db/seed";
import { periodsBetween } from "@/lib/metrics/periods";
import { metricsReport } from "@/lib/metrics/report";
import { DEFAULT_WORKING_HOURS } from "@/lib/metrics/working-hours";
import { createActors } from "../support/publish-fixtures";
import { providers, useTestDatabase } from "../support/test-databases";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const MINUTE = 60_000;
const SEPTEMBER_2020 = { from: new Date("2020-09-01T00:00:00Z"), to: new Date("2020-10-01T00:00:00Z") };
const at = (iso: string) => new Date(iso);

describe.each(providers)("metrics data on $name", (provider) => {
  const site = useTestDatabase(provider);
  let incident2105: number;

  beforeAll(async () => {
    expect((await seedDemo(site.db, { now: NOW })).status).toBe("seeded");
    incident2105 = (await site.db.incident.findUniqueOrThrow({ where: { number: 2105 } })).id;
    const item = (title: string, createdAt: string, closedAt: string | null, dueAt: string | null) => ({
      incidentId: incident2105,
      title,
      createdAt: at(createdAt),
      closedAt: closedAt ? at(closedAt) : null,
      status: closedAt ? ("done" as const) : ("open" as const),
      dueAt: dueAt ? at(dueAt) : null,
    });
    await site.db.actionItem.createMany({
      data: [
        item("metrics test: closed in range", "2020-08-20T00:00:00Z", "2020-09-10T00:00:00Z", "2020-09-30T00:00:00Z"),
        item("metrics test: still open", "2020-09-05T00:00:00Z", null, "2020-09-15T00:00:00Z"),
        item("metrics test: closed before range", "2020-07-01T00:00:00Z", "2020-08-01T00:00:00Z", null),
        item("metrics test: created after range", "2020-10-05T00:00:00Z", null, null),
      ],
    });
  });

  it("loads the components, the incidents open in the range with their posts and state changes, and nothing else", async () => {
    const data = await loadMetricsData(site.db, SEPTEMBER_2020);
    expect(data.components).toHaveLength(9);
    expect(data.incidents.map((incident) => incident.number)).toContain(2105);
    expect(data.incidents.map((incident) => incident.number)).not.toContain(386);
    const gitPush = data.components.find((component) => component.slug === "git-push")!;
    const loaded = data.incidents.find((incident) => incident.number === 2105)!;
    expect(loaded.posts.map((post) => [post.type, post.postedAt.toISOString()])).toEqual([
      ["investigating", "2020-09-03T14:02:00.000Z"],
      ["issue", "2020-09-03T14:29:00.000Z"],
      ["update", "2020-09-03T15:06:00.000Z"],
      ["resolved", "2020-09-03T15:32:00.000Z"],
    ]);
    expect(loaded.posts[0]!.stateChanges).toEqual([{ componentId: gitPush.id, state: "yellow" }]);
  });

  it("gives each incident its earliest internal entry, and the action items alive in the range", async () => {
    const data = await loadMetricsData(site.db, SEPTEMBER_2020);
    // The demo's internal timeline of #2105 begins with the 401 alert at 13:55.
    expect(data.firstSignals.get(incident2105)).toEqual(at("2020-09-03T13:55:00Z"));
    expect(data.actionItems).toContainEqual({ createdAt: at("2020-08-20T00:00:00Z"), closedAt: at("2020-09-10T00:00:00Z"), dueAt: at("2020-09-30T00:00:00Z") });
    expect(data.actionItems).toContainEqual({ createdAt: at("2020-09-05T00:00:00Z"), closedAt: null, dueAt: at("2020-09-15T00:00:00Z") });
    expect(data.actionItems).not.toContainEqual(expect.objectContaining({ closedAt: at("2020-08-01T00:00:00Z") }));
    expect(data.actionItems).not.toContainEqual(expect.objectContaining({ createdAt: at("2020-10-05T00:00:00Z") }));
  });

  it("yields #2105's figures: 7 min from the alert to the first post, 97 min to resolve, 90 yellow minutes on Git push", async () => {
    const data = await loadMetricsData(site.db, SEPTEMBER_2020);
    const gitPush = data.components.find((component) => component.slug === "git-push")!;
    const periods = periodsBetween("month", { year: 2020, month: 9, day: 1 }, { year: 2020, month: 9, day: 30 }, "UTC");
    const report = metricsReport(data, { periods, componentId: gitPush.id, workingHours: DEFAULT_WORKING_HOURS, now: NOW });
    expect(report.incidents.map((facts) => facts.incident.number)).toEqual([2105]);
    expect(report.incidents[0]).toMatchObject({ timeToFirstPostMs: 7 * MINUTE, timeToResolveMs: 97 * MINUTE, worst: "yellow", outOfHours: false });
    expect(report.components).toEqual([expect.objectContaining({ componentId: gitPush.id, redMs: 0, yellowMs: 90 * MINUTE })]);
    // The demo's "Merge config and deploy into one step" (opened 4, done 22 September) with ours: two opened
    // in September, two closed in it, one overdue at its end.
    expect(report.actionItems[0]).toMatchObject({ opened: 2, closed: 2, overdue: 1 });
  });

  it("reads the 2012 outage for June 2012: red 300 and yellow 480 minutes on Production", async () => {
    const data = await loadMetricsData(site.db, { from: at("2012-06-01T00:00:00Z"), to: at("2012-07-01T00:00:00Z") });
    expect(data.incidents.map((incident) => incident.number)).toEqual([386]);
    // The PagerDuty note at 03:21 came after the Investigating post at 03:18.
    expect(data.firstSignals.get(data.incidents[0]!.id)).toEqual(at("2012-06-30T03:21:00Z"));
    const production = data.components.find((component) => component.slug === "production")!;
    const periods = periodsBetween("month", { year: 2012, month: 6, day: 1 }, { year: 2012, month: 6, day: 30 }, "UTC");
    const report = metricsReport(data, { periods, componentId: production.id, workingHours: DEFAULT_WORKING_HOURS, now: NOW });
    expect(report.components.find((row) => row.componentId === production.id)).toMatchObject({ redMs: 300 * MINUTE, yellowMs: 480 * MINUTE });
  });

  describe("working hours", () => {
    let actors: Record<Role, Actor>;
    const tokyo = { timeZone: "Asia/Tokyo", days: [{ start: 540, end: 1080 }, null, null, null, null, null, null] };

    beforeAll(async () => {
      actors = await createActors(site.db);
    });

    it("are Monday to Friday 09:00–17:00 UTC until an admin sets them, then read back as stored, with an audit event", async () => {
      expect(await loadWorkingHours(site.db)).toMatchObject({ source: "default", hours: DEFAULT_WORKING_HOURS });
      await expect(updateWorkingHours(site.db, actors.commander, tokyo)).rejects.toMatchObject({ status: 403 });
      await updateWorkingHours(site.db, actors.admin, tokyo);
      expect(await loadWorkingHours(site.db)).toEqual({ source: "setting", hours: tokyo });
      const audit = await site.db.auditEvent.findFirstOrThrow({ where: { action: "setting.update", targetId: WORKING_HOURS_KEY } });
      expect(audit).toMatchObject({ actorLabel: "admin@example.com", after: { value: tokyo } });
      await expect(updateWorkingHours(site.db, actors.admin, tokyo)).rejects.toThrow("Nothing changed.");
    });

    it("fall back to the default when the stored value no longer validates", async () => {
      await site.db.setting.update({ where: { key: WORKING_HOURS_KEY }, data: { value: { timeZone: "Mars/Olympus", days: [] } } });
      expect(await loadWorkingHours(site.db)).toMatchObject({ source: "default", hours: DEFAULT_WORKING_HOURS });
    });
  });
});
