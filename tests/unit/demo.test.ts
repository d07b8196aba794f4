import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS, demoDataset, demoToTimeline, numberedComponents, syntheticHistory, SYNTHETIC_FIRST_NUMBER, type DemoIncident } from "@/lib/demo";
import { currentStates, incidentDurations, incidentState, maintenanceStatus } from "@/lib/timeline";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const components = numberedComponents(DEMO_COMPONENTS);
const componentIds = new Map(components.map((component) => [component.slug, component.id]));
const idOf = (slug: string) => componentIds.get(slug)!;
const timeline = (incident: DemoIncident) => demoToTimeline(incident, componentIds);

function demoIncident(number: number, now = NOW): DemoIncident {
  const incident = demoDataset(now).incidents.find((candidate) => candidate.number === number);
  if (!incident) throw new Error(`no demo incident #${number}`);
  return incident;
}

function durationsBySlug(incident: DemoIncident, now = NOW) {
  return new Map(incidentDurations(timeline(incident), components, now).map((entry) => [components[entry.componentId - 1]!.slug, entry.durations]));
}

describe("demo components", () => {
  it("has Production and Development with their sub-components in display order", () => {
    const tree = DEMO_COMPONENTS.filter((c) => c.parentSlug === null).map((system) => ({
      system: `${system.position}:${system.name}`,
      parts: DEMO_COMPONENTS.filter((c) => c.parentSlug === system.slug).map((c) => `${c.position}:${c.slug}`),
    }));
    expect(tree).toEqual([
      { system: "0:Production", parts: ["0:dyno-runtime", "1:routing", "2:platform-api", "3:git-push"] },
      { system: "1:Development", parts: ["0:review-apps", "1:dashboard", "2:add-on-provisioning"] },
    ]);
    for (const component of DEMO_COMPONENTS) expect(component.description).toMatch(/^[A-Z].+\.$/);
  });
});

describe("#386 Widespread Application Outage", () => {
  const outage = demoIncident(386);

  it("has Heroku's post times in UTC on 30 June 2012", () => {
    expect(outage.posts.map((post) => `${post.type} ${post.postedAt.toISOString()}`)).toEqual([
      "investigating 2012-06-30T03:18:00.000Z",
      "issue 2012-06-30T03:25:00.000Z",
      "update 2012-06-30T03:49:00.000Z",
      "update 2012-06-30T05:02:00.000Z",
      "update 2012-06-30T06:41:00.000Z",
      "update 2012-06-30T08:25:00.000Z",
      "update 2012-06-30T12:10:00.000Z",
      "resolved 2012-06-30T16:25:00.000Z",
    ]);
    expect(outage.posts[1]?.body).toBe(
      "We're currently experiencing a widespread application outage. We've disabled API access while engineers work on resolving the issues.",
    );
  });

  it("was red for exactly 5h and yellow for exactly 8h on both systems", () => {
    const durations = durationsBySlug(outage);
    for (const system of ["production", "development"]) {
      expect(durations.get(system)).toMatchObject({ red: 5 * HOUR, yellow: 8 * HOUR, blue: 0 });
    }
  });
});

describe("#2105 git push failing with HTTP 401", () => {
  it("degraded Git push, and so Production, for 1½ hours on 3 September 2020", () => {
    const incident = demoIncident(2105);
    expect(incident.openedAt.toISOString()).toBe("2020-09-03T14:02:00.000Z");
    expect(incident.posts.map((post) => post.type)).toEqual(["investigating", "issue", "update", "resolved"]);
    const durations = durationsBySlug(incident);
    expect(durations.get("git-push")).toMatchObject({ yellow: 1.5 * HOUR, red: 0 });
    expect(durations.get("production")).toMatchObject({ yellow: 1.5 * HOUR, red: 0 });
  });
});

describe("demoDataset", () => {
  const dataset = demoDataset(NOW);
  const generated = dataset.incidents.filter((incident) => incident.number >= 2400);

  it("is the same for the same now, and its history is the same all day", () => {
    expect(demoDataset(new Date(NOW))).toEqual(dataset);
    const laterToday = demoDataset(new Date("2026-11-22T23:59:00Z"));
    const history = (incidents: DemoIncident[]) => incidents.filter((incident) => incident.openedAt.getTime() < NOW.getTime() - 2 * DAY);
    expect(history(laterToday.incidents)).toEqual(history(dataset.incidents));
    expect(history(demoDataset(new Date("2026-11-23T12:00:00Z")).incidents)).not.toEqual(history(dataset.incidents));
  });

  it("numbers the generated incidents from 2400 in time order", () => {
    expect(dataset.incidents.slice(0, 2).map((incident) => incident.number)).toEqual([386, 2105]);
    expect(generated.map((incident) => incident.number)).toEqual(generated.map((_, index) => 2400 + index));
    const opened = generated.map((incident) => incident.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
  });

  it("has 10–14 resolved incidents and one completed maintenance in the last 90 days, all over before now", () => {
    const past = generated.filter((incident) => !incidentState(timeline(incident), NOW).open);
    const kinds = past.map((incident) => incident.kind);
    expect(kinds.filter((kind) => kind === "maintenance")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "incident").length).toBeGreaterThanOrEqual(10);
    expect(kinds.filter((kind) => kind === "incident").length).toBeLessThanOrEqual(14);
    for (const incident of past) {
      const { startedAt, endedAt } = incidentState(timeline(incident), NOW);
      expect(startedAt.getTime()).toBeGreaterThan(NOW.getTime() - 90 * DAY);
      expect(endedAt!.getTime()).toBeLessThan(NOW.getTime());
      const minutes = (endedAt!.getTime() - startedAt.getTime()) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(9);
      expect(minutes).toBeLessThanOrEqual(240);
      if (incident.kind === "incident") expect(incident.posts.length).toBeGreaterThanOrEqual(3);
      if (incident.kind === "incident") expect(incident.posts.length).toBeLessThanOrEqual(6);
    }
  });

  it("has one open incident, opened 47 minutes ago, that turns Production yellow through the Platform API", () => {
    const open = dataset.incidents.filter((incident) => incident.kind === "incident" && incidentState(timeline(incident), NOW).open);
    expect(open.map((incident) => incident.title)).toEqual(["Elevated error rates on the Platform API"]);
    expect(NOW.getTime() - open[0]!.openedAt.getTime()).toBe(47 * 60_000);
    const states = currentStates(dataset.incidents.map(timeline), components, NOW);
    expect(states.get(idOf("platform-api"))).toBe("yellow");
    expect(states.get(idOf("production"))).toBe("yellow");
    expect(states.get(idOf("development"))).toBe("green");
  });

  it("has an upcoming 2-hour maintenance starting on the hour three days from now, not blue yet", () => {
    const upcoming = dataset.incidents.filter((incident) => maintenanceStatus(timeline(incident), NOW) === "upcoming");
    expect(upcoming).toHaveLength(1);
    const { scheduledStartAt, scheduledEndAt, posts } = upcoming[0]!;
    expect(scheduledStartAt?.toISOString()).toBe("2026-11-25T14:00:00.000Z");
    expect(scheduledEndAt!.getTime() - scheduledStartAt!.getTime()).toBe(2 * HOUR);
    expect(posts.map((post) => post.type)).toEqual(["scheduled"]);
    expect(posts[0]?.changes).toEqual([{ componentSlug: "add-on-provisioning", state: "blue" }]);
    expect(posts[0]?.body).toContain("Wed 25 Nov 2026, 14:00–16:00 UTC");
    expect(currentStates(upcoming.map(timeline), components, NOW).get(idOf("add-on-provisioning"))).toBe("green");
  });
});

describe("every builder's output", () => {
  const all = [...demoDataset(NOW).incidents, ...syntheticHistory(300, NOW)];

  it("names every changed component as affected, and only known components", () => {
    for (const incident of all) {
      const changed = incident.posts.flatMap((post) => post.changes.map((change) => change.componentSlug));
      expect(incident.componentSlugs).toEqual(expect.arrayContaining(changed));
      for (const slug of incident.componentSlugs) expect(componentIds.has(slug)).toBe(true);
    }
  });

  it("posts in time order with distinct times, the first at openedAt", () => {
    for (const incident of all) {
      const times = incident.posts.map((post) => post.postedAt.getTime());
      expect(new Set(times).size).toBe(times.length);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(incident.openedAt.getTime());
    }
  });
});

describe("syntheticHistory", () => {
  it("is deterministic: the same count gives the same incidents, any time of day", () => {
    const first = syntheticHistory(200, NOW);
    expect(syntheticHistory(200, new Date("2026-11-22T01:00:00Z"))).toEqual(first);
    const nextDay = syntheticHistory(200, new Date("2026-11-23T09:00:00Z"));
    expect(nextDay.map((incident) => `${incident.number} ${incident.title}`)).toEqual(first.map((incident) => `${incident.number} ${incident.title}`));
    expect(nextDay[0]!.openedAt.getTime() - first[0]!.openedAt.getTime()).toBe(DAY);
  });

  it("numbers from 100000 in time order, ≈ 10 posts each, mixing kinds, all over before the demo's 90 days", () => {
    const history = syntheticHistory(2000, NOW);
    expect(history.map((incident) => incident.number)).toEqual(history.map((_, index) => SYNTHETIC_FIRST_NUMBER + index));
    const posts = history.reduce((sum, incident) => sum + incident.posts.length, 0);
    expect(posts / history.length).toBeGreaterThan(9);
    expect(posts / history.length).toBeLessThan(11);
    const maintenances = history.filter((incident) => incident.kind === "maintenance").length;
    expect(maintenances / history.length).toBeGreaterThan(0.1);
    expect(maintenances / history.length).toBeLessThan(0.2);
    const oldest = history[0]!.openedAt.getTime();
    expect(NOW.getTime() - oldest).toBeGreaterThan(8 * 365 * DAY);
    for (const incident of history) {
      const { open, endedAt } = incidentState(timeline(incident), NOW);
      expect(open).toBe(false);
      expect(endedAt!.getTime()).toBeLessThan(NOW.getTime() - 89 * DAY);
    }
  });

  it("rejects a count that is not a whole number", () => {
    expect(() => syntheticHistory(-1, NOW)).toThrow(RangeError);
    expect(() => syntheticHistory(1.5, NOW)).toThrow(RangeError);
  });
});
