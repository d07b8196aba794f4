import { describe, expect, it } from "vitest";
import type { PublicIncident } from "@/lib/timeline/types";
import {
  componentsJson,
  incidentJson,
  incidentsJson,
  maintenancesJson,
  statuspageSite,
  statusJson,
  summaryJson,
  type StatuspageIncident,
} from "@/lib/formats/statuspage";
import { componentStatus, pageStatus } from "@/lib/formats/statuspage-rules";
import { incidentState } from "@/lib/timeline";
import componentsFixture from "../../fixtures/statuspage/components.json";
import incidentsFixture from "../../fixtures/statuspage/incidents.json";
import maintenancesFixture from "../../fixtures/statuspage/scheduled-maintenances.json";
import statusFixture from "../../fixtures/statuspage/status.json";
import summaryFixture from "../../fixtures/statuspage/summary.json";
import unresolvedFixture from "../../fixtures/statuspage/unresolved.json";
import { components, context, demoIncident, demoIncidents, NOW } from "./demo-data";

const keys = (value: object) => Object.keys(value).sort();
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

function site(now = NOW, incidents: PublicIncident[] = demoIncidents(now), overrides = {}) {
  const active = incidents.filter((incident) => incidentState(incident, now).open);
  return statuspageSite(context(now, overrides), active);
}

const statusOf = (list: { id: string; status: string }[], id: string) => list.find((entry) => entry.id === id)?.status;

describe("Statuspage v2 shapes match a real Statuspage page", () => {
  const demo = site();
  const summary = summaryJson(demo);
  const incidents = incidentsJson(demo, demoIncidents()).incidents;
  const withUpdates = incidents.find((incident) => incident.incident_updates.some((update) => update.affected_components))!;

  it("has the same top-level keys on every endpoint", () => {
    expect(keys(summary)).toEqual(keys(summaryFixture));
    expect(keys(statusJson(demo))).toEqual(keys(statusFixture));
    expect(keys(componentsJson(demo))).toEqual(keys(componentsFixture));
    expect(keys(incidentsJson(demo))).toEqual(keys(unresolvedFixture));
    expect(keys(maintenancesJson(demo, "upcoming"))).toEqual(keys(maintenancesFixture));
  });

  it("has the page, status and component fields", () => {
    expect(keys(summary.page)).toEqual(keys(summaryFixture.page));
    expect(keys(summary.status)).toEqual(keys(summaryFixture.status));
    const plain = summary.components.find((component) => !component.group)!;
    const group = summary.components.find((component) => component.group)!;
    expect(keys(plain)).toEqual(keys(componentsFixture.components[0]!));
    expect(keys(group)).toEqual(keys(componentsFixture.components[2]!));
    expect(group.components).toEqual(["dyno-runtime", "routing", "platform-api", "git-push"]);
  });

  it("has the incident, update and affected-component fields", () => {
    const fixture = incidentsFixture.incidents[0]!;
    expect(keys(withUpdates)).toEqual(keys(fixture));
    expect(keys(withUpdates.incident_updates[0]!)).toEqual(keys(fixture.incident_updates[0]!));
    const affected = withUpdates.incident_updates.flatMap((update) => update.affected_components ?? []);
    expect(keys(affected[0]!)).toEqual(keys(fixture.incident_updates[0]!.affected_components[0]!));
  });

  it("gives maintenance the incident fields plus its window", () => {
    const [maintenance] = maintenancesJson(demo, "upcoming").scheduled_maintenances;
    expect(keys(maintenance!)).toEqual(keys(maintenancesFixture.scheduled_maintenances[0]!));
  });

  it("writes every timestamp as ISO 8601 with an offset", () => {
    const times = JSON.stringify(summary).match(/"(\w+_at|scheduled_\w+|display_at)":"[^"]*"/g) ?? [];
    expect(times.length).toBeGreaterThan(10);
    for (const field of times) expect(field.split('":"')[1]!.slice(0, -1)).toMatch(OFFSET_TIME);
  });
});

describe("state mapping", () => {
  it.each([
    ["green", "operational"],
    ["blue", "under_maintenance"],
    ["yellow", "degraded_performance"],
    ["red", "major_outage"],
  ] as const)("%s is %s", (state, expected) => {
    expect(componentStatus(state, false)).toBe(expected);
  });

  it("yellow after red (partly restored) is partial_outage", () => {
    expect(componentStatus("yellow", true)).toBe("partial_outage");
  });

  const systems = components.filter((component) => component.parentId === null);
  const statusesOf = (entries: [string, Parameters<typeof componentStatus>[0], boolean?][]) =>
    new Map(entries.map(([slug, state, afterRed]) => [components.find((c) => c.slug === slug)!.id, componentStatus(state, afterRed ?? false)]));

  it.each([
    [[], "none", "All Systems Operational"],
    [[["add-on-provisioning", "blue"]], "none", "Service Under Maintenance"],
    [[["platform-api", "yellow"]], "minor", "Partially Degraded Service"],
    [[["platform-api", "yellow", true]], "minor", "Minor Service Outage"],
    [
      [
        ["routing", "red"],
        ["production", "red"],
      ],
      "major",
      "Partial System Outage",
    ],
    [
      [
        ["production", "red"],
        ["development", "red"],
      ],
      "critical",
      "Major Service Outage",
    ],
  ] as const)("page indicator for %j is %s", (entries, indicator, description) => {
    expect(systems).toHaveLength(2);
    expect(pageStatus(components, statusesOf(entries as never))).toEqual({ indicator, description });
  });
});

describe("the demo data in Statuspage terms", () => {
  it("shows Production degraded by the open Platform API incident, and Development operational", () => {
    const summary = summaryJson(site());
    expect(statusOf(summary.components, "production")).toBe("degraded_performance");
    expect(statusOf(summary.components, "platform-api")).toBe("degraded_performance");
    expect(statusOf(summary.components, "git-push")).toBe("operational");
    expect(statusOf(summary.components, "development")).toBe("operational");
    expect(summary.status).toEqual({ indicator: "minor", description: "Partially Degraded Service" });
    expect(summary.incidents.map((incident) => incident.name)).toEqual(["Elevated error rates on the Platform API"]);
    expect(summary.incidents[0]).toMatchObject({ status: "identified", impact: "minor", resolved_at: null });
    expect(summary.scheduled_maintenances.map((maintenance) => [maintenance.name, maintenance.status, maintenance.impact])).toEqual([
      ["Scheduled maintenance of add-on provisioning", "scheduled", "maintenance"],
    ]);
  });

  it("lists the 2012 outage resolved and critical, with its updates newest first", () => {
    const json = incidentJson(site(), demoIncident(386));
    expect(json).toMatchObject({
      id: "386",
      name: "Widespread Application Outage",
      status: "resolved",
      impact: "critical",
      created_at: "2012-06-30T03:18:00.000+00:00",
      started_at: "2012-06-30T03:18:00.000+00:00",
      resolved_at: "2012-06-30T16:25:00.000+00:00",
      shortlink: "https://status.example.com/incidents/386",
    });
    expect(json.incident_updates.map((update) => [update.display_at.slice(11, 16), update.status])).toEqual([
      ["16:25", "resolved"],
      ["12:10", "identified"],
      ["08:25", "identified"],
      ["06:41", "identified"],
      ["05:02", "identified"],
      ["03:49", "identified"],
      ["03:25", "identified"],
      ["03:18", "investigating"],
    ]);
    const at = (time: string) => json.incident_updates.find((update) => update.display_at.slice(11, 16) === time)!;
    expect(at("03:25").affected_components).toEqual([
      { code: "production", name: "Production", old_status: "operational", new_status: "major_outage" },
      { code: "development", name: "Development", old_status: "operational", new_status: "major_outage" },
    ]);
    expect(at("08:25").affected_components?.map((c) => [c.code, c.old_status, c.new_status])).toEqual([
      ["production", "major_outage", "partial_outage"],
      ["development", "major_outage", "partial_outage"],
    ]);
    expect(at("16:25").affected_components?.map((c) => c.new_status)).toEqual(["operational", "operational"]);
    expect(at("12:10").affected_components).toBeNull();
  });

  it("reports the page as it was during the 2012 outage: critical while red, then a partial outage", () => {
    const outage = [demoIncident(386)];
    expect(statusJson(site(new Date("2012-06-30T05:00:00Z"), outage)).status).toEqual({ indicator: "critical", description: "Major Service Outage" });
    const recovering = summaryJson(site(new Date("2012-06-30T09:00:00Z"), outage));
    expect(recovering.status).toEqual({ indicator: "minor", description: "Minor Service Outage" });
    expect(statusOf(recovering.components, "production")).toBe("partial_outage");
    expect(recovering.incidents[0]?.status).toBe("identified");
  });

  it("reports a maintenance in progress as under_maintenance and lists it as active", () => {
    const maintenance = demoIncident(2415);
    const during = new Date(maintenance.scheduledStartAt!.getTime() + 30 * 60_000);
    const active = site(during, [maintenance]);
    expect(statusOf(componentsJson(active).components, "add-on-provisioning")).toBe("under_maintenance");
    expect(statusJson(active).status).toEqual({ indicator: "none", description: "Service Under Maintenance" });
    expect(maintenancesJson(active, "upcoming").scheduled_maintenances).toEqual([]);
    const [listed] = maintenancesJson(active, "active").scheduled_maintenances;
    expect(listed).toMatchObject({ id: "2415", status: "in_progress", scheduled_for: maintenance.scheduledStartAt!.toISOString().replace("Z", "+00:00") });
  });
});

describe("incident updates", () => {
  const open = demoIncident(2416);

  it("follows a post's Statuspage phase when it fits, and sets monitoring_at", () => {
    const monitored: PublicIncident = { ...open, posts: open.posts.map((post, index) => (index === 1 ? { ...post, statuspagePhase: "monitoring" } : post)) };
    const json = incidentJson(site(NOW, [monitored]), monitored);
    expect(json.status).toBe("monitoring");
    expect(json.monitoring_at).toBe(open.posts[1]!.postedAt.toISOString().replace("Z", "+00:00"));
    expect(json.incident_updates.map((update) => update.status)).toEqual(["monitoring", "investigating"]);
  });

  it("ignores a phase that does not fit the incident's kind or claims resolution while open", () => {
    const wrong: PublicIncident = {
      ...open,
      posts: open.posts.map((post) => ({ ...post, statuspagePhase: post.type === "issue" ? "completed" : "in_progress" })),
    };
    expect(incidentJson(site(NOW, [wrong]), wrong).incident_updates.map((update) => update.status)).toEqual(["identified", "investigating"]);
  });

  it("leaves out posts dated after now", () => {
    const future: PublicIncident = {
      ...open,
      posts: [...open.posts, { ...open.posts[1]!, id: 999, type: "resolved", postedAt: new Date(NOW.getTime() + 3_600_000), body: "Later." }],
    };
    const json: StatuspageIncident = incidentJson(site(NOW, [future]), future);
    expect(json.incident_updates.map((update) => update.id)).not.toContain("999");
    expect(json.status).toBe("identified");
  });

  it("uses the edit time as updated_at only for a revised post", () => {
    const editedAt = new Date(NOW.getTime() - 60_000);
    const edited: PublicIncident = { ...open, posts: open.posts.map((post, index) => (index === 0 ? { ...post, edited: true, updatedAt: editedAt } : post)) };
    const [newest, first] = incidentJson(site(NOW, [edited]), edited).incident_updates;
    expect(first!.updated_at).toBe(editedAt.toISOString().replace("Z", "+00:00"));
    expect(newest!.updated_at).toBe(newest!.created_at);
  });
});

describe("hidden components", () => {
  it("are not listed, but still roll up into their system", () => {
    const hidden = components.map((component) => (component.slug === "platform-api" ? { ...component, hidden: true } : component));
    const json = summaryJson(site(NOW, demoIncidents(), { components: hidden }));
    expect(json.components.map((component) => component.id)).not.toContain("platform-api");
    expect(statusOf(json.components, "production")).toBe("degraded_performance");
    expect(json.components.find((component) => component.id === "production")?.components).toEqual(["dyno-runtime", "routing", "git-push"]);
  });
});
