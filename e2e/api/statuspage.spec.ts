import { expect, test } from "@playwright/test";

const OPEN_INCIDENT = "Elevated error rates on the Platform API";
const MAINTENANCE = "Scheduled maintenance of add-on provisioning";
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

type Json = Record<string, any>;
const byId = (list: Json[], id: string) => list.find((entry) => entry.id === id)!;

test("summary.json: Production degraded by the open Platform API incident, the incident and the upcoming maintenance", async ({ request, baseURL }) => {
  const summary: Json = await (await request.get("/api/v2/summary.json")).json();
  expect(Object.keys(summary).sort()).toEqual(["components", "incidents", "page", "scheduled_maintenances", "status"]);
  expect(summary.page).toMatchObject({ name: "Beacon status", url: baseURL, time_zone: "Etc/UTC" });
  expect(summary.page.updated_at).toMatch(OFFSET_TIME);
  expect(summary.status).toEqual({ indicator: "minor", description: "Partially Degraded Service" });
  expect(byId(summary.components, "production")).toMatchObject({ name: "Production", status: "degraded_performance", group: true, group_id: null });
  expect(byId(summary.components, "production").components).toEqual(["dyno-runtime", "routing", "platform-api", "git-push"]);
  expect(byId(summary.components, "platform-api")).toMatchObject({ status: "degraded_performance", group_id: "production", group: false });
  expect(byId(summary.components, "git-push").status).toBe("operational");
  expect(byId(summary.components, "development").status).toBe("operational");
  expect(summary.components).toHaveLength(9);

  expect(summary.incidents.map((incident: Json) => incident.name)).toEqual([OPEN_INCIDENT]);
  const [incident] = summary.incidents;
  expect(incident).toMatchObject({ status: "identified", impact: "minor", resolved_at: null, shortlink: `${baseURL}/incidents/${incident.id}` });
  expect(incident.incident_updates.map((update: Json) => update.status)).toEqual(["identified", "investigating"]);
  expect(incident.incident_updates[1].affected_components).toEqual([
    { code: "production", name: "Production", old_status: "operational", new_status: "degraded_performance" },
    { code: "platform-api", name: "Platform API", old_status: "operational", new_status: "degraded_performance" },
  ]);
  expect(incident.components.map((component: Json) => [component.id, component.status])).toEqual([["platform-api", "degraded_performance"]]);

  expect(summary.scheduled_maintenances.map((maintenance: Json) => [maintenance.name, maintenance.status, maintenance.impact])).toEqual([
    [MAINTENANCE, "scheduled", "maintenance"],
  ]);
  expect(Date.parse(summary.scheduled_maintenances[0].scheduled_for)).toBeGreaterThan(Date.now());
});

test("status.json and components.json agree with the summary", async ({ request }) => {
  const status: Json = await (await request.get("/api/v2/status.json")).json();
  expect(status.status).toEqual({ indicator: "minor", description: "Partially Degraded Service" });
  expect(Object.keys(status.page).sort()).toEqual(["id", "name", "time_zone", "updated_at", "url"]);
  const { components }: Json = await (await request.get("/api/v2/components.json")).json();
  expect(components.map((component: Json) => [component.id, component.status, component.position])).toEqual([
    ["production", "degraded_performance", 1],
    ["dyno-runtime", "operational", 1],
    ["routing", "operational", 2],
    ["platform-api", "degraded_performance", 3],
    ["git-push", "operational", 4],
    ["development", "operational", 2],
    ["review-apps", "operational", 1],
    ["dashboard", "operational", 2],
    ["add-on-provisioning", "operational", 3],
  ]);
});

test("incidents.json lists recent incidents newest first, with the 2012 outage resolved and critical", async ({ request }) => {
  const { incidents }: Json = await (await request.get("/api/v2/incidents.json")).json();
  expect(incidents.length).toBeGreaterThan(2);
  expect(incidents.length).toBeLessThanOrEqual(50);
  expect(incidents[0].name).toBe(OPEN_INCIDENT);
  const startedAt = incidents.map((incident: Json) => Date.parse(incident.created_at));
  expect(startedAt).toEqual([...startedAt].sort((a, b) => b - a));
  expect(incidents.every((incident: Json) => incident.scheduled_for === undefined)).toBe(true);
  const outage = byId(incidents, "386");
  expect(outage).toMatchObject({ name: "Widespread Application Outage", status: "resolved", impact: "critical", resolved_at: "2012-06-30T16:25:00.000+00:00" });
  expect(outage.incident_updates).toHaveLength(8);
  expect(byId(incidents, "2105")).toMatchObject({ status: "resolved", impact: "minor" });
});

test("unresolved.json has only the open incident", async ({ request }) => {
  const { incidents }: Json = await (await request.get("/api/v2/incidents/unresolved.json")).json();
  expect(incidents.map((incident: Json) => [incident.name, incident.status])).toEqual([[OPEN_INCIDENT, "identified"]]);
});

test("the maintenance endpoints list the upcoming window, none active", async ({ request }) => {
  const upcoming: Json = await (await request.get("/api/v2/scheduled-maintenances/upcoming.json")).json();
  expect(upcoming.scheduled_maintenances.map((maintenance: Json) => [maintenance.name, maintenance.status])).toEqual([[MAINTENANCE, "scheduled"]]);
  const [window] = upcoming.scheduled_maintenances;
  expect(Date.parse(window.scheduled_until) - Date.parse(window.scheduled_for)).toBe(2 * 3_600_000);
  expect(window.components.map((component: Json) => component.id)).toEqual(["add-on-provisioning"]);
  const active: Json = await (await request.get("/api/v2/scheduled-maintenances/active.json")).json();
  expect(active.scheduled_maintenances).toEqual([]);
  const all: Json = await (await request.get("/api/v2/scheduled-maintenances.json")).json();
  expect(all.scheduled_maintenances.length).toBeGreaterThan(1);
  expect(all.scheduled_maintenances.every((maintenance: Json) => ["scheduled", "in_progress", "verifying", "completed"].includes(maintenance.status))).toBe(
    true,
  );
});
