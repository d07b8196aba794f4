// Every JSON read endpoint of the built app answers with exactly the schema /api/openapi.json
// publishes for it (lib/formats/schemas.ts, strict: no key more, no key less).
import { expect, test } from "@playwright/test";
import * as z from "zod";
import { READ_RESPONSE_SCHEMAS } from "@/lib/formats/schemas";

const CASES: [url: string, pattern: keyof typeof READ_RESPONSE_SCHEMAS][] = [
  ["/history.json", "/history.json"],
  ["/api/v2/summary.json", "/api/v2/summary.json"],
  ["/api/v2/status.json", "/api/v2/status.json"],
  ["/api/v2/components.json", "/api/v2/components.json"],
  ["/api/v2/incidents.json", "/api/v2/incidents.json"],
  ["/api/v2/incidents/unresolved.json", "/api/v2/incidents/unresolved.json"],
  ["/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances.json"],
  ["/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/upcoming.json"],
  ["/api/v2/scheduled-maintenances/active.json", "/api/v2/scheduled-maintenances/active.json"],
  ["/api/v3/current-status", "/api/v3/current-status"],
  ["/api/v3/issues?limit=100", "/api/v3/issues"],
  ["/api/v3/issues/386", "/api/v3/issues/:id"],
  ["/api/v4/current-status", "/api/v4/current-status"],
  ["/api/v4/incidents?limit=100", "/api/v4/incidents"],
  ["/embed.json", "/embed.json"],
];

test("covers every JSON read endpoint", () => {
  expect(new Set(CASES.map(([, pattern]) => pattern))).toEqual(new Set(Object.keys(READ_RESPONSE_SCHEMAS)));
});

for (const [url, pattern] of CASES) {
  test(`${url} matches the published schema`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const result = READ_RESPONSE_SCHEMAS[pattern].safeParse(await response.json());
    expect(result.success ? "valid" : z.prettifyError(result.error)).toBe("valid");
  });
}

test("the OpenAPI document points each of them at its schema", async ({ request }) => {
  const document = await (await request.get("/api/openapi.json")).json();
  for (const [, pattern] of CASES) {
    const content = document.paths[pattern.replace(/:([a-z]+)/g, "{$1}")].get.responses["200"].content;
    const [media] = Object.values<{ schema?: { $ref?: string } }>(content);
    expect(document.components.schemas[media!.schema!.$ref!.split("/").pop()!], pattern).toBeDefined();
  }
});
