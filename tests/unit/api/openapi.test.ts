import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { READ_API_PATHS } from "@/lib/public/endpoints";
import { summaryJson, statuspageSite } from "@/lib/formats/statuspage";
import { v3Issue, v4CurrentStatus } from "@/lib/formats/heroku";
import { incidentState } from "@/lib/timeline";
import v3IssueFixture from "../../fixtures/heroku/v3-issue.json";
import incidentsFixture from "../../fixtures/statuspage/incidents.json";
import { context, demoIncident, demoIncidents, NOW } from "../formats/demo-data";

const WRITE_ROUTES = [
  ["post", "/api/admin/incidents"],
  ["post", "/api/admin/incidents/{number}/posts"],
  ["patch", "/api/admin/incidents/{number}/posts/{id}"],
  ["delete", "/api/admin/incidents/{number}/posts/{id}"],
  ["post", "/api/admin/maintenance"],
  ["post", "/api/admin/maintenance/{number}/extend"],
  ["post", "/api/admin/maintenance/{number}/end"],
  ["post", "/api/admin/maintenance/{number}/cancel"],
] as const;

describe("/api/openapi.json", () => {
  const document = JSON.parse(JSON.stringify(openApiDocument("https://status.example.com", READ_API_PATHS)));

  it("is a valid OpenAPI 3.1 document (checked against the official schema)", async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    const broken = { ...document, paths: { "/x": { get: { responses: { "200": { content: "not an object" } } } } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it.each(WRITE_ROUTES)("describes %s %s with a bearer token, a JSON body schema and the error shape", (method, path) => {
    const operation = document.paths[path][method];
    expect(operation.security).toEqual([{ bearerToken: [] }]);
    expect(operation.requestBody.content["application/json"].schema.type).toBe("object");
    expect(operation.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    for (const status of ["401", "403", "413", "422"])
      expect(operation.responses[status].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
  });

  it("takes the open-incident body from the shared zod schema (limits and components by id or slug)", () => {
    const schema = document.paths["/api/admin/incidents"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["title", "componentIds", "type"]));
    expect(schema.properties.title).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(schema.properties.componentIds.items.anyOf.map((option: { type: string }) => option.type)).toEqual(["integer", "string"]);
  });

  it("gives every JSON read endpoint a response schema, and the XML, SVG and iCal ones their content types only", () => {
    for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
      if (path.startsWith("/api/admin") || path.startsWith("/api/integrations")) continue;
      const [contentType, media] = Object.entries<Record<string, any>>(item.get.responses["200"].content)[0]!;
      if (contentType.includes("json")) expect(media.schema?.$ref, path).toMatch(/^#\/components\/schemas\/\w+$/);
      else expect(media, path).toEqual({});
    }
  });

  it("describes the Statuspage and Heroku payloads precisely: enums, offsets, nullable fields", () => {
    const schemas = document.components.schemas;
    expect(document.paths["/api/v2/summary.json"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/StatuspageSummaryResponse",
    });
    expect(document.paths["/api/v4/current-status"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/HerokuV4CurrentStatus",
    });
    expect(document.paths["/history.json"].get.responses["200"].content["application/feed+json"].schema).toEqual({ $ref: "#/components/schemas/JsonFeed" });
    expect(document.paths["/embed.json"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/EmbedStatusResponse",
    });
    expect(schemas.EmbedStatusResponse.properties.incidents.items.properties.state.enum).toEqual(["green", "blue", "yellow", "red"]);
    expect(schemas.StatuspageSummaryResponse.properties.incidents.items).toEqual({ $ref: "#/components/schemas/StatuspageIncident" });
    expect(schemas.StatuspageComponent.properties.status.enum).toEqual([
      "operational",
      "degraded_performance",
      "partial_outage",
      "major_outage",
      "under_maintenance",
    ]);
    expect(schemas.StatuspageStatus.properties.indicator.enum).toEqual(["none", "minor", "major", "critical"]);
    expect(schemas.StatuspageIncident.properties.impact.enum).toEqual(["none", "minor", "major", "critical"]);
    expect(schemas.StatuspageIncidentUpdate.properties.status.enum).toEqual(["investigating", "identified", "monitoring", "resolved"]);
    expect(schemas.StatuspageMaintenance.properties.status.enum).toEqual(["scheduled", "in_progress", "verifying", "completed"]);
    expect(schemas.StatuspageIncident.properties.resolved_at.anyOf.map((option: { type: string }) => option.type)).toEqual(["string", "null"]);
    expect(schemas.StatuspagePage.properties.updated_at).toMatchObject({ type: "string", format: "date-time" });
    expect(schemas.HerokuV4Update.properties.update_type.enum).toEqual(["issue", "update", "resolved", "scheduled"]);
    expect(schemas.HerokuV3Issue.properties.status_prod.enum).toEqual(["green", "yellow", "red"]);
    expect(schemas.StatuspageIncident.additionalProperties).toBe(false);
  });

  it("has response schemas that a JSON Schema 2020-12 validator accepts Beacon's answers and real payloads with", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [id, schema] of Object.entries<object>(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${id}`);
    const validate = (id: string, value: unknown) => {
      const check = ajv.getSchema(`#/components/schemas/${id}`)!;
      return check(JSON.parse(JSON.stringify(value))) ? "valid" : ajv.errorsText(check.errors);
    };
    const active = demoIncidents().filter((incident) => incidentState(incident, NOW).open);
    const summary = summaryJson(statuspageSite(context(), active));
    expect(validate("StatuspageSummaryResponse", summary)).toBe("valid");
    expect(validate("HerokuV4CurrentStatus", v4CurrentStatus(context(), active))).toBe("valid");
    expect(validate("HerokuV3Issue", v3Issue(context(), demoIncident(386)))).toBe("valid");
    expect(validate("StatuspageIncidentsResponse", incidentsFixture)).toBe("valid");
    expect(validate("HerokuV3Issue", v3IssueFixture)).toBe("valid");
    expect(validate("StatuspageSummaryResponse", { ...summary, status: { indicator: "unknown", description: "" } })).toMatch(/indicator/);
    expect(validate("StatuspageSummaryResponse", { ...summary, page: { ...summary.page, updated_at: "yesterday" } })).toMatch(/updated_at/);
    // Through the $refs: a component inside the summary, an update inside an incident.
    expect(validate("StatuspageSummaryResponse", { ...summary, components: [{ ...summary.components[0], status: "fine" }] })).toMatch(/status/);
    const [incident] = summary.incidents;
    const update = { ...incident!.incident_updates[0], status: "in_progress" };
    expect(validate("StatuspageSummaryResponse", { ...summary, incidents: [{ ...incident, incident_updates: [update] }] })).toMatch(/status/);
  });

  it("lists the read APIs with their content types", () => {
    expect(document.paths["/api/v2/summary.json"].get.responses["200"].content).toHaveProperty("application/json");
    expect(document.paths["/history.atom"].get.responses["200"].content).toHaveProperty("application/atom+xml");
    expect(document.paths["/api/v3/issues/{id}"].get.parameters[0]).toMatchObject({ name: "id", in: "path" });
  });
});
