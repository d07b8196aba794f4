import { expect, test } from "@playwright/test";

type Json = Record<string, any>;
const OPEN_INCIDENT = "Elevated error rates on the Platform API";

test("v3 current-status: Production yellow, Development green, and the open issue", async ({ request, baseURL }) => {
  const json: Json = await (await request.get("/api/v3/current-status")).json();
  expect(json.status).toEqual({ Production: "yellow", Development: "green" });
  const open = json.issues.find((issue: Json) => issue.title === OPEN_INCIDENT);
  expect(open).toMatchObject({ resolved: false, upcoming: false, status_prod: "yellow", status_dev: "green", full_url: `${baseURL}/incidents/${open.id}` });
  expect(open.href).toBe(`${baseURL}/api/v3/issues/${open.id}`);
  expect(open.updates.map((update: Json) => update.update_type)).toEqual(["issue", "issue"]);
  expect(json.issues.find((issue: Json) => issue.upcoming)?.title).toBe("Scheduled maintenance of add-on provisioning");
});

test("v3 issues: newest first, limited, filtered by since", async ({ request }) => {
  const two: Json[] = await (await request.get("/api/v3/issues?limit=2")).json();
  expect(two).toHaveLength(2);
  expect(Date.parse(two[0]!.created_at)).toBeGreaterThanOrEqual(Date.parse(two[1]!.created_at));
  const recent: Json[] = await (await request.get("/api/v3/issues?since=2020-01-01&limit=200")).json();
  expect(recent.map((issue) => issue.id)).toContain(2105);
  expect(recent.map((issue) => issue.id)).not.toContain(386);
  expect(recent.every((issue) => Date.parse(issue.created_at) >= Date.parse("2020-01-01"))).toBe(true);
});

test("v3 issue 386: the 2012 outage with its updates and colours", async ({ request }) => {
  const issue: Json = await (await request.get("/api/v3/issues/386")).json();
  expect(issue).toMatchObject({ id: 386, title: "Widespread Application Outage", resolved: true, upcoming: false, status_prod: "green" });
  expect(issue.updates.map((update: Json) => [update.created_at.slice(11, 16), update.update_type, update.status_prod])).toEqual([
    ["16:25", "resolved", "green"],
    ["12:10", "update", "yellow"],
    ["08:25", "update", "yellow"],
    ["06:41", "update", "red"],
    ["05:02", "update", "red"],
    ["03:49", "update", "red"],
    ["03:25", "issue", "red"],
    ["03:18", "issue", "green"],
  ]);
});

test("v4 current-status: what `heroku status` reads", async ({ request, baseURL }) => {
  const json: Json = await (await request.get("/api/v4/current-status")).json();
  expect(json.status).toEqual([
    { system: "Production", status: "yellow" },
    { system: "Development", status: "green" },
  ]);
  expect(json.incidents).toHaveLength(1);
  const [incident] = json.incidents;
  expect(incident).toMatchObject({ title: OPEN_INCIDENT, resolved: false, state: "identified", full_url: `${baseURL}/incidents/${incident.id}` });
  expect(incident.systems).toEqual([{ name: "Production", status: "yellow", services: ["Platform API"] }]);
  for (const update of incident.updates) {
    expect(["issue", "update", "resolved", "scheduled"]).toContain(update.update_type);
    expect(new Date(update.updated_at).toISOString()).toBe(update.updated_at);
    expect(update.contents.length).toBeGreaterThan(0);
  }
  expect(json.scheduled.map((maintenance: Json) => [maintenance.title, maintenance.state])).toEqual([
    ["Scheduled maintenance of add-on provisioning", "upcoming"],
  ]);
});

test("v4 incidents: the newest incidents, up to the limit", async ({ request }) => {
  const incidents: Json[] = await (await request.get("/api/v4/incidents?limit=3")).json();
  expect(incidents).toHaveLength(3);
  expect(incidents[0]!.title).toBe(OPEN_INCIDENT);
  expect(Object.keys(incidents[0]!).sort()).toEqual(["created_at", "full_url", "id", "resolved", "state", "systems", "title", "updated_at", "updates"]);
});
