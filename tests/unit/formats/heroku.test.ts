import { describe, expect, it } from "vitest";
import type { PublicIncident } from "@/lib/timeline/types";
import { herokuColor, herokuUpdateType, v3CurrentStatus, v3Issue, v3Issues, v4CurrentStatus, v4Incident } from "@/lib/formats/heroku";
import { incidentState } from "@/lib/timeline";
import v3CurrentFixture from "../../fixtures/heroku/v3-current-status.json";
import v3IssueFixture from "../../fixtures/heroku/v3-issue.json";
import v4CliFixture from "../../fixtures/heroku/v4-cli-incident.json";
import v4Fixture from "../../fixtures/heroku/v4-current-status.json";
import { context, demoIncident, demoIncidents, NOW } from "./demo-data";

const keys = (value: object) => Object.keys(value).sort();
const active = (now = NOW, incidents = demoIncidents(now)) => incidents.filter((incident) => incidentState(incident, now).open);

/** Every key of `expected` is in `actual` with a value of the same JSON type, recursively through first array items. */
function expectSameShape(actual: unknown, expected: unknown, path = "$"): void {
  const type = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  if (expected === null) return;
  expect(type(actual), path).toBe(type(expected));
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length > 0 && actual.length > 0) expectSameShape(actual[0], expected[0], `${path}[0]`);
  if (type(expected) === "object") {
    for (const [key, value] of Object.entries(expected as object)) {
      expect(actual as object, `${path}.${key}`).toHaveProperty(key);
      expectSameShape((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  }
}

describe("Heroku v3", () => {
  it("reports Production yellow and Development green for the demo's open Platform API incident", () => {
    const json = v3CurrentStatus(context(), active());
    expect(json.status).toEqual({ Production: "yellow", Development: "green" });
    expect(json.issues.map((issue) => [issue.title, issue.resolved, issue.upcoming, issue.status_prod, issue.status_dev])).toEqual([
      ["Elevated error rates on the Platform API", false, false, "yellow", "green"],
      ["Scheduled maintenance of add-on provisioning", false, true, "green", "green"],
    ]);
  });

  it("has the issue and update fields of status.heroku.com, with the same value types", () => {
    const issue = v3Issue(context(), demoIncident(386));
    expect(keys(issue)).toEqual(keys(v3IssueFixture));
    expect(keys(issue.updates[0]!)).toEqual(keys(v3IssueFixture.updates[0]!));
    expectSameShape(issue, v3IssueFixture);
    expectSameShape(v3CurrentStatus(context(), active()), v3CurrentFixture);
  });

  it("gives each update the system colours it left behind", () => {
    const issue = v3Issue(context(), demoIncident(386));
    expect(issue).toMatchObject({
      id: 386,
      resolved: true,
      upcoming: false,
      status_prod: "green",
      href: "https://status.example.com/api/v3/issues/386",
      full_url: "https://status.example.com/incidents/386",
    });
    expect(issue.updates.map((update) => [update.created_at.slice(11, 16), update.update_type, update.status_prod, update.status_dev])).toEqual([
      ["16:25", "resolved", "green", "green"],
      ["12:10", "update", "yellow", "yellow"],
      ["08:25", "update", "yellow", "yellow"],
      ["06:41", "update", "red", "red"],
      ["05:02", "update", "red", "red"],
      ["03:49", "update", "red", "red"],
      ["03:25", "issue", "red", "red"],
      ["03:18", "issue", "green", "green"],
    ]);
  });

  it("lists issues opened since a time, newest first, up to a limit", () => {
    const all = demoIncidents();
    const since = new Date("2020-01-01T00:00:00Z");
    const listed = v3Issues(context(), all, { since, limit: 200 });
    expect(listed.length).toBe(all.filter((incident) => incident.openedAt >= since).length);
    expect(listed.map((issue) => issue.id)).not.toContain(386);
    expect(listed.map((issue) => issue.id)).toContain(2105);
    expect(v3Issues(context(), all, { limit: 3 }).map((issue) => issue.id)).toEqual(all.slice(0, 3).map((incident) => incident.number));
  });
});

describe("Heroku v4", () => {
  it("has what `heroku status` reads, and the fields of the live API", () => {
    const json = v4CurrentStatus(context(), active());
    expectSameShape(json, v4CliFixture);
    expectSameShape({ ...json, incidents: json.scheduled }, { ...v4Fixture, incidents: v4Fixture.scheduled });
    expect(keys(json)).toEqual(keys(v4Fixture));
  });

  it("lists the systems, the open incident with its updates newest first, and the upcoming maintenance", () => {
    const json = v4CurrentStatus(context(), active());
    expect(json.status).toEqual([
      { system: "Production", status: "yellow" },
      { system: "Development", status: "green" },
    ]);
    expect(json.incidents).toHaveLength(1);
    expect(json.incidents[0]).toMatchObject({
      title: "Elevated error rates on the Platform API",
      resolved: false,
      state: "identified",
      full_url: expect.stringMatching(/^https:\/\/status\.example\.com\/incidents\/\d+$/),
      systems: [{ name: "Production", status: "yellow", services: ["Platform API"] }],
    });
    expect(json.incidents[0]!.updates.map((update) => update.update_type)).toEqual(["issue", "issue"]);
    expect(json.scheduled.map((maintenance) => [maintenance.title, maintenance.state])).toEqual([["Scheduled maintenance of add-on provisioning", "upcoming"]]);
  });

  it("moves a maintenance in progress to the incidents, shown yellow", () => {
    const maintenance = demoIncident(2415);
    const during = new Date(maintenance.scheduledStartAt!.getTime() + 60_000);
    const json = v4CurrentStatus(context(during), [maintenance]);
    expect(json.status).toEqual([
      { system: "Production", status: "green" },
      { system: "Development", status: "yellow" },
    ]);
    expect(json.incidents.map((incident) => [incident.id, incident.state])).toEqual([[2415, "in_progress"]]);
    expect(json.scheduled).toEqual([]);
  });

  it("describes a resolved incident as resolved", () => {
    expect(v4Incident(context(), demoIncident(2105))).toMatchObject({ id: 2105, resolved: true, state: "resolved" });
  });
});

describe("Heroku vocabulary", () => {
  it("has only green, yellow and red, and reports maintenance as yellow", () => {
    expect(["green", "blue", "yellow", "red"].map((state) => herokuColor(state as never))).toEqual(["green", "yellow", "yellow", "red"]);
  });

  it("has only Heroku's update types", () => {
    expect(["investigating", "issue", "update", "resolved", "scheduled"].map((type) => herokuUpdateType(type as never))).toEqual([
      "issue",
      "issue",
      "update",
      "resolved",
      "scheduled",
    ]);
  });

  it("falls back to the worst system when the page has no system called Production", () => {
    const renamed = context(NOW, {
      components: context().components.map((component) => (component.slug === "production" ? { ...component, name: "Apps" } : component)),
    });
    const incident: PublicIncident = demoIncident(2416);
    expect(v3Issue(renamed, incident).status_prod).toBe("yellow");
    expect(v3CurrentStatus(renamed, [incident]).status).toEqual({ Apps: "yellow", Development: "green" });
  });
});
