// The read APIs' zod schemas (lib/formats/schemas.ts) against both sides: everything Beacon's
// serializers write for the demo data, at several instants, and the real payloads in
// tests/fixtures. Every object is strict, so a key on one side that the other lacks fails here.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { historyChannel, jsonFeed } from "@/lib/formats/feeds";
import { v3CurrentStatus, v3Issue, v3Issues, v4CurrentStatus, v4Incident } from "@/lib/formats/heroku";
import * as schemas from "@/lib/formats/schemas";
import {
  componentsJson,
  incidentJson,
  incidentsJson,
  maintenanceJson,
  maintenancesJson,
  statuspageSite,
  statusJson,
  summaryJson,
} from "@/lib/formats/statuspage";
import { incidentState } from "@/lib/timeline";
import v3CurrentFixture from "../../fixtures/heroku/v3-current-status.json";
import v3IssueFixture from "../../fixtures/heroku/v3-issue.json";
import v4Fixture from "../../fixtures/heroku/v4-current-status.json";
import componentsFixture from "../../fixtures/statuspage/components.json";
import incidentsFixture from "../../fixtures/statuspage/incidents.json";
import maintenancesFixture from "../../fixtures/statuspage/scheduled-maintenances.json";
import statusFixture from "../../fixtures/statuspage/status.json";
import summaryFixture from "../../fixtures/statuspage/summary.json";
import unresolvedFixture from "../../fixtures/statuspage/unresolved.json";
import { BASE_URL, context, demoIncident, demoIncidents, NOW } from "./demo-data";

/** Parses and shows zod's own explanation when it does not. */
function expectValid(schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(JSON.parse(JSON.stringify(value)));
  expect(result.success ? "valid" : z.prettifyError(result.error)).toBe("valid");
}

const maintenance = demoIncident(2415);
const hour = 3_600_000;
// Now, during the 2012 outage (all red, then partly restored), and before, during and after the maintenance window.
const INSTANTS: [string, Date][] = [
  ["now", NOW],
  ["during the 2012 outage", new Date("2012-06-30T05:00:00Z")],
  ["while the 2012 outage is partly restored", new Date("2012-06-30T09:00:00Z")],
  ["during the maintenance", new Date(maintenance.scheduledStartAt!.getTime() + hour / 2)],
  ["after the maintenance", new Date(maintenance.scheduledEndAt!.getTime() + hour)],
];

describe.each(INSTANTS)("Beacon's answers %s fit the schemas", (_, now) => {
  const all = demoIncidents(now).filter((incident) => incident.openedAt <= now);
  const active = all.filter((incident) => incidentState(incident, now).open);
  const site = statuspageSite(context(now), active);
  const ctx = context(now);

  it("Statuspage v2: every endpoint", () => {
    expectValid(schemas.statuspageSummaryResponse, summaryJson(site));
    expectValid(schemas.statuspageStatusResponse, statusJson(site));
    expectValid(schemas.statuspageComponentsResponse, componentsJson(site));
    expectValid(schemas.statuspageIncidentsResponse, incidentsJson(site, all));
    expectValid(schemas.statuspageIncidentsResponse, incidentsJson(site));
    expectValid(schemas.statuspageMaintenancesResponse, maintenancesJson(site, { newest: all }));
    expectValid(schemas.statuspageMaintenancesResponse, maintenancesJson(site, "upcoming"));
    expectValid(schemas.statuspageMaintenancesResponse, maintenancesJson(site, "active"));
  });

  it("Statuspage v2: every incident and maintenance on its own", () => {
    for (const incident of all) {
      if (incident.kind === "maintenance") expectValid(schemas.statuspageMaintenance, maintenanceJson(site, incident));
      else expectValid(schemas.statuspageIncident, incidentJson(site, incident));
    }
  });

  it("Heroku v3 and v4", () => {
    expectValid(schemas.herokuV3CurrentStatus, v3CurrentStatus(ctx, active));
    expectValid(schemas.herokuV3Issues, v3Issues(ctx, all, { limit: 200 }));
    expectValid(schemas.herokuV4CurrentStatus, v4CurrentStatus(ctx, active));
    expectValid(
      schemas.herokuV4Incidents,
      all.map((incident) => v4Incident(ctx, incident)),
    );
  });

  it("JSON Feed 1.1", () => {
    expectValid(schemas.jsonFeed, JSON.parse(jsonFeed(ctx, historyChannel(BASE_URL), all).text));
  });
});

describe("Beacon's answers exercise the schemas' variants", () => {
  it("covers partial_outage, critical impact, an in-progress maintenance and null affected_components", () => {
    const recovering = new Date("2012-06-30T09:00:00Z");
    const outageSite = statuspageSite(context(recovering), [demoIncident(386, recovering)]);
    expect(summaryJson(outageSite).components.map((component) => component.status)).toContain("partial_outage");
    expect(summaryJson(outageSite).incidents[0]?.impact).toBe("critical");
    const during = new Date(maintenance.scheduledStartAt!.getTime() + hour / 2);
    const [running] = maintenancesJson(statuspageSite(context(during), [maintenance]), "active").scheduled_maintenances;
    expect(running?.status).toBe("in_progress");
    const outage = incidentJson(statuspageSite(context(), []), demoIncident(386));
    expect(outage.incident_updates.some((update) => update.affected_components === null)).toBe(true);
  });
});

describe("the real payloads in tests/fixtures fit the same schemas", () => {
  it.each([
    ["statuspage/summary.json", schemas.statuspageSummaryResponse, summaryFixture],
    ["statuspage/status.json", schemas.statuspageStatusResponse, statusFixture],
    ["statuspage/components.json (with a group)", schemas.statuspageComponentsResponse, componentsFixture],
    ["statuspage/incidents.json", schemas.statuspageIncidentsResponse, incidentsFixture],
    ["statuspage/unresolved.json", schemas.statuspageIncidentsResponse, unresolvedFixture],
    ["statuspage/scheduled-maintenances.json", schemas.statuspageMaintenancesResponse, maintenancesFixture],
    ["heroku/v3-current-status.json", schemas.herokuV3CurrentStatus, v3CurrentFixture],
    ["heroku/v3-issue.json", schemas.herokuV3Issue, v3IssueFixture],
    ["heroku/v4-current-status.json", schemas.herokuV4CurrentStatus, v4Fixture],
  ] as const)("%s", (_, schema, fixture) => {
    expectValid(schema, fixture);
  });
  // heroku/v4-cli-incident.json is not here: it is the Heroku CLI's own test double ("update_type":
  // "update type"), not an answer of the real API; heroku.test.ts checks Beacon has its fields.
});

describe("the schemas are strict", () => {
  const summary = summaryJson(
    statuspageSite(
      context(),
      demoIncidents().filter((incident) => incidentState(incident, NOW).open),
    ),
  );
  const [incident] = summary.incidents;

  it.each([
    ["an unknown key", { ...summary, extra: 1 }],
    ["a missing key", { ...summary, status: { indicator: "none" } }],
    ["a status Statuspage does not have", { ...summary, components: [{ ...summary.components[0]!, status: "degraded" }] }],
    ["an indicator Statuspage does not have", { ...summary, status: { indicator: "warning", description: "x" } }],
    ["a time without a numeric offset", { ...summary, page: { ...summary.page, updated_at: "2026-11-22T14:37:12.345Z" } }],
    ["a time without milliseconds", { ...summary, page: { ...summary.page, updated_at: "2026-11-22T14:37:12+00:00" } }],
    ["a maintenance status on an incident", { ...summary, incidents: [{ ...incident!, status: "in_progress" }] }],
    ["an incident listed as a maintenance", { ...summary, scheduled_maintenances: [incident] }],
    ["null where Statuspage never sends null", { ...summary, components: [{ ...summary.components[0]!, page_id: null }] }],
  ])("rejects %s", (_, value) => {
    expect(schemas.statuspageSummaryResponse.safeParse(value).success).toBe(false);
  });

  it("rejects Heroku colours, update types and times it does not have", () => {
    const v4 = v4CurrentStatus(context(), []);
    expect(schemas.herokuV4CurrentStatus.safeParse({ ...v4, status: [{ system: "Apps", status: "blue" }] }).success).toBe(false);
    const issue = v3Issue(context(), demoIncident(386));
    expect(schemas.herokuV3Issue.safeParse({ ...issue, updates: [{ ...issue.updates[0]!, update_type: "investigating" }] }).success).toBe(false);
    expect(schemas.herokuV3Issue.safeParse({ ...issue, created_at: "2012-06-30 03:18" }).success).toBe(false);
  });
});
