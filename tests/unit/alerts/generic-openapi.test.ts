// The generic endpoint's schema in /api/openapi.json is the zod schema the endpoint validates with,
// and what one accepts the other accepts.
import { readFileSync } from "node:fs";
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { parsePayload } from "@/lib/alerts/payloads";
import { documentedAlertPayloads } from "@/lib/validation/alert-payloads";

const paths = openApiDocument("https://status.example.com", []).paths as Record<string, any>;
const documented = paths["/api/integrations/generic"].post.requestBody.content["application/json"].schema;
const fixture = JSON.parse(readFileSync("tests/fixtures/alerts/generic-firing.json", "utf8"));
const now = new Date("2026-12-01T12:00:00Z");

describe("POST /api/integrations/generic in /api/openapi.json", () => {
  it("is the JSON Schema of the zod schema the endpoint validates with", () => {
    const { $schema: _dialect, ...fromZod } = z.toJSONSchema(documentedAlertPayloads.generic, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
    expect(documented).toEqual(fromZod);
    expect(documented.required).toEqual(["alerts"]);
    expect(documented.additionalProperties).toBe(false);
    const alert = documented.properties.alerts.items;
    expect(Object.keys(alert.properties).sort()).toEqual(["description", "endsAt", "id", "labels", "startsAt", "status", "summary", "url"]);
    expect(alert.required).toEqual(["id", "status"]);
    expect(alert.properties.status.enum).toEqual(["firing", "resolved"]);
  });

  it("accepts and refuses the same bodies as the endpoint", () => {
    const samples = [
      fixture,
      { alerts: [{ id: "a", status: "resolved" }] },
      { alerts: [] },
      { alerts: [{ id: "a", status: "firing", colour: "red" }] },
      { alerts: [{ id: "a", status: "burning" }] },
      { alerts: [{ id: "a", status: "firing", labels: { n: 1 } }] },
      { alerts: [{ id: "a", status: "firing" }], extra: true },
    ];
    for (const sample of samples) {
      expect(parsePayload("generic", sample, now).ok, JSON.stringify(sample)).toBe(documentedAlertPayloads.generic.safeParse(sample).success);
    }
    expect(samples.map((sample) => parsePayload("generic", sample, now).ok)).toEqual([true, true, false, false, false, false, false]);
  });

  it("documents every inbound endpoint with the integration token and the 401/413/422 answers", () => {
    for (const kind of ["alertmanager", "grafana", "uptime-kuma", "generic"]) {
      const operation = paths[`/api/integrations/${kind}`].post;
      expect(operation.security).toEqual([{ integrationToken: [] }, { integrationTokenQuery: [] }]);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "401", "413", "422"]));
    }
  });
});
