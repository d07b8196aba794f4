// Figures worked out by hand from the demo seed (lib/demo/landmark-incidents.ts), then asserted.
import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS, demoDataset, demoPostmortems, demoToTimeline, numberedComponents } from "@/lib/demo";
import type { ActionItemFacts } from "@/lib/metrics/action-items";
import { periodsBetween } from "@/lib/metrics/periods";
import { type MetricsData, median, metricsReport } from "@/lib/metrics/report";
import { DEFAULT_WORKING_HOURS } from "@/lib/metrics/working-hours";
import type { TimelineIncident } from "@/lib/timeline/types";

const NOW = new Date("2026-11-22T14:37:00Z");
const MINUTE = 60_000;
const components = numberedComponents(DEMO_COMPONENTS);
const ids = new Map(components.map((component) => [component.slug, component.id]));
const id = (slug: string) => ids.get(slug)!;
const dataset = demoDataset(NOW);
const demo = dataset.incidents.map((incident) => demoToTimeline(incident, ids));
const byNumber = (number: number) => demo.find((incident) => incident.number === number)!;
// As the seed stores them: each incident's internal timeline (demo ids are the numbers) and the postmortems' action items.
const demoSignals = new Map(
  dataset.incidents.flatMap((incident) =>
    incident.internal?.length ? [[incident.number, new Date(Math.min(...incident.internal.map((entry) => entry.at.getTime())))] as const] : [],
  ),
);
const demoActionItems = demoPostmortems(DEMO_COMPONENTS).flatMap((postmortem) => postmortem.actionItems);

function data(incidents: TimelineIncident[], extra: Partial<MetricsData> = {}): MetricsData {
  return { components, incidents, firstSignals: new Map(), actionItems: [], ...extra };
}

const demoData = data(demo, { firstSignals: demoSignals, actionItems: demoActionItems });

const options = (
  first: [number, number, number],
  last: [number, number, number],
  kind: "week" | "month" | "quarter" = "month",
  componentId: number | null = null,
) => ({
  periods: periodsBetween(kind, { year: first[0], month: first[1], day: first[2] }, { year: last[0], month: last[1], day: last[2] }, "UTC"),
  componentId,
  workingHours: DEFAULT_WORKING_HOURS,
  now: NOW,
});

describe("#386, the 2012 outage (30 June 2012, a Saturday)", () => {
  const report = metricsReport(demoData, options([2012, 6, 1], [2012, 6, 30]));

  it("began at 03:18 UTC with its Investigating post (the PagerDuty and AWS notes came later), resolved at 16:25: 0 min to the first post, 787 to resolve", () => {
    expect(demoSignals.get(386)).toEqual(new Date("2012-06-30T03:21:00Z"));
    expect(report.incidents.map((facts) => facts.incident.number)).toEqual([386]);
    const [facts] = report.incidents;
    expect(facts).toMatchObject({ startedAt: new Date("2012-06-30T03:18:00Z"), worst: "red", outOfHours: true });
    expect(facts!.timeToFirstPostMs).toBe(0);
    expect(facts!.timeToResolveMs).toBe((13 * 60 + 7) * MINUTE);
    expect(report.byPeriod[0]).toMatchObject({ incidents: 1, byWorst: { red: 1, yellow: 0, blue: 0, green: 0 }, outOfHours: 1, unresolved: 0 });
  });

  it("put Production and Development 300 min in red and 480 in yellow: June uptime 100 × (1 − 300/43200)", () => {
    for (const slug of ["production", "development"]) {
      const figures = report.components.find((row) => row.componentId === id(slug))!;
      expect(figures).toMatchObject({ redMs: 300 * MINUTE, yellowMs: 480 * MINUTE, blueMs: 0 });
      expect(figures.uptimePercent).toBeCloseTo(100 * (1 - 300 / 43_200), 10);
    }
    expect(report.components.find((row) => row.componentId === id("git-push"))).toMatchObject({ redMs: 0, yellowMs: 0, uptimePercent: 100 });
  });

  it("counts from its first internal signal when that came first: an alert at 03:05 makes it 13 min to the first post", () => {
    const withAlert = metricsReport(
      data(demo, { firstSignals: new Map([[byNumber(386).id, new Date("2012-06-30T03:05:00Z")]]) }),
      options([2012, 6, 1], [2012, 6, 30]),
    );
    expect(withAlert.incidents[0]).toMatchObject({
      startedAt: new Date("2012-06-30T03:05:00Z"),
      timeToFirstPostMs: 13 * MINUTE,
      timeToResolveMs: 800 * MINUTE,
    });
    // A note written after the first post does not move the start.
    const later = metricsReport(
      data(demo, { firstSignals: new Map([[byNumber(386).id, new Date("2012-06-30T04:00:00Z")]]) }),
      options([2012, 6, 1], [2012, 6, 30]),
    );
    expect(later.incidents[0]?.timeToFirstPostMs).toBe(0);
  });
});

describe("#2105, git push 401 (Thursday 3 September 2020)", () => {
  it("began with the 401 alert at 13:55 UTC: 7 min to the Investigating post at 14:02, 97 min to resolve at 15:32, inside working hours", () => {
    const report = metricsReport(demoData, options([2020, 9, 1], [2020, 9, 30], "month", id("git-push")));
    expect(report.incidents.map((facts) => facts.incident.number)).toEqual([2105]);
    expect(report.incidents[0]).toMatchObject({ startedAt: new Date("2020-09-03T13:55:00Z"), worst: "yellow", outOfHours: false });
    expect(report.incidents[0]).toMatchObject({ timeToFirstPostMs: 7 * MINUTE, timeToResolveMs: 97 * MINUTE });
    expect(report.byPeriod[0]).toMatchObject({
      incidents: 1,
      byWorst: { red: 0, yellow: 1, blue: 0, green: 0 },
      medianTimeToFirstPostMs: 7 * MINUTE,
      medianTimeToResolveMs: 97 * MINUTE,
    });
    expect(report.components).toEqual([expect.objectContaining({ componentId: id("git-push"), redMs: 0, yellowMs: 90 * MINUTE, uptimePercent: 100 })]);
  });

  it("has its action item opened on 4 September and done on 22 September, before its due date", () => {
    const report = metricsReport(demoData, options([2020, 9, 1], [2020, 10, 1]));
    expect(report.actionItems.map(({ period, opened, closed, overdue }) => [period.label, opened, closed, overdue])).toEqual([
      ["2020-09", 1, 1, 0],
      ["2020-10", 0, 0, 0],
    ]);
  });

  it("counts 0 min to the first post without its internal timeline: the Investigating post opened it", () => {
    expect(metricsReport(data(demo), options([2020, 9, 1], [2020, 9, 30])).incidents[0]).toMatchObject({ timeToFirstPostMs: 0, timeToResolveMs: 90 * MINUTE });
  });

  it("rolls up into Production (its system) and is not Development's", () => {
    const production = metricsReport(demoData, options([2020, 9, 1], [2020, 9, 30], "month", id("production")));
    expect(production.incidents.map((facts) => facts.incident.number)).toEqual([2105]);
    expect(production.incidents[0]?.worst).toBe("yellow");
    expect(production.components.map((row) => [row.componentId, row.yellowMs / MINUTE])).toEqual([
      [id("production"), 90],
      [id("dyno-runtime"), 0],
      [id("routing"), 0],
      [id("platform-api"), 0],
      [id("git-push"), 90],
    ]);
    expect(metricsReport(data(demo), options([2020, 9, 1], [2020, 9, 30], "month", id("development"))).incidents).toEqual([]);
  });

  it("is out of hours by the working hours' own time zone: 14:02 UTC is 23:02 in Tokyo", () => {
    const tokyo = { ...options([2020, 9, 1], [2020, 9, 30]), workingHours: { ...DEFAULT_WORKING_HOURS, timeZone: "Asia/Tokyo" } };
    expect(metricsReport(data([byNumber(2105)]), tokyo).byPeriod[0]?.outOfHours).toBe(1);
  });
});

describe("edge cases", () => {
  const spanning = byNumber(386);

  it("splits an incident spanning two periods: counted in the one it began in, its minutes where they fell", () => {
    // In Kiritimati (UTC+14) the outage ran 17:18 on 30 June to 06:25 on 1 July local: red 17:25–22:25 (June), yellow from 22:25.
    const periods = periodsBetween("month", { year: 2012, month: 6, day: 1 }, { year: 2012, month: 7, day: 1 }, "Pacific/Kiritimati");
    const report = metricsReport(data([spanning]), { periods, componentId: id("production"), workingHours: DEFAULT_WORKING_HOURS, now: NOW });
    const production = report.components.filter((row) => row.componentId === id("production"));
    // July begins at 10:00 UTC on 30 June: red 03:25–08:25 and yellow 08:25–10:00 (95 min) in June, yellow 10:00–16:25 (385 min) in July.
    expect(production.map((row) => [row.period.label, row.redMs / MINUTE, row.yellowMs / MINUTE])).toEqual([
      ["2012-06", 300, 95],
      ["2012-07", 0, 385],
    ]);
    expect(report.byPeriod.map((figures) => figures.incidents)).toEqual([1, 0]);
  });

  it("reports no incidents as zeros, no medians and full uptime", () => {
    const report = metricsReport(data([]), options([2026, 1, 1], [2026, 3, 31], "quarter"));
    expect(report.incidents).toEqual([]);
    expect(report.byPeriod).toEqual([
      expect.objectContaining({
        incidents: 0,
        outOfHours: 0,
        unresolved: 0,
        medianTimeToFirstPostMs: null,
        medianTimeToResolveMs: null,
      }),
    ]);
    expect(report.components.every((row) => row.redMs === 0 && row.uptimePercent === 100)).toBe(true);
  });

  it("keeps an unresolved incident without a time to resolve, its red running to now and no further", () => {
    const open: TimelineIncident = { ...spanning, posts: spanning.posts.filter((post) => post.type !== "resolved") };
    const now = new Date("2012-06-30T10:25:00Z");
    const report = metricsReport(data([open]), { ...options([2012, 6, 1], [2012, 6, 30], "month", id("production")), now });
    expect(report.incidents[0]).toMatchObject({ resolvedAt: null, timeToResolveMs: null, timeToFirstPostMs: 0 });
    expect(report.byPeriod[0]).toMatchObject({ unresolved: 1, medianTimeToResolveMs: null });
    const production = report.components.find((row) => row.componentId === id("production"))!;
    expect([production.redMs / MINUTE, production.yellowMs / MINUTE]).toEqual([300, 120]);
    // Measured up to now only: June 1 00:00 to June 30 10:25.
    expect(production.uptimePercent).toBeCloseTo(100 * (1 - 300 / (29 * 1440 + 625)), 10);
  });

  it("leaves maintenance out of the incident counts but counts its blue time", () => {
    const maintenance = demo.find((incident) => incident.kind === "maintenance" && incident.scheduledEndAt! < NOW)!;
    const start = maintenance.scheduledStartAt!;
    const periods = periodsBetween(
      "month",
      { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: 1 },
      { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: 1 },
      "UTC",
    );
    const report = metricsReport(data([maintenance]), { periods, componentId: null, workingHours: DEFAULT_WORKING_HOURS, now: NOW });
    expect(report.incidents).toEqual([]);
    expect(report.components.some((row) => row.blueMs > 0)).toBe(true);
  });
});

describe("action items", () => {
  const at = (iso: string) => new Date(iso);
  const items: ActionItemFacts[] = [
    // "Merge config and deploy into one step": opened after #2105, done within the month.
    { createdAt: at("2020-09-04T10:00:00Z"), closedAt: at("2020-09-20T10:00:00Z"), dueAt: at("2020-09-30T00:00:00Z") },
    // Due in September, still open in October: overdue at the end of September and of October.
    { createdAt: at("2020-09-05T10:00:00Z"), closedAt: null, dueAt: at("2020-09-15T00:00:00Z") },
    // Closed late, in October: overdue at the end of September only.
    { createdAt: at("2020-09-06T10:00:00Z"), closedAt: at("2020-10-02T00:00:00Z"), dueAt: at("2020-09-10T00:00:00Z") },
  ];

  it("counts opened, closed and overdue per period", () => {
    const report = metricsReport(data([], { actionItems: items }), options([2020, 9, 1], [2020, 10, 1]));
    expect(report.actionItems.map(({ period, opened, closed, overdue }) => [period.label, opened, closed, overdue])).toEqual([
      ["2020-09", 3, 1, 2],
      ["2020-10", 0, 1, 1],
    ]);
  });

  it("judges the current period as of now", () => {
    const now = at("2020-09-12T00:00:00Z");
    const report = metricsReport(data([], { actionItems: items }), { ...options([2020, 9, 1], [2020, 9, 1]), now });
    expect(report.actionItems[0]).toMatchObject({ opened: 3, closed: 0, overdue: 1 });
  });
});

describe("median", () => {
  it("takes the middle value, the mean of the two middle ones, or null", () => {
    expect(median([5, null, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});
