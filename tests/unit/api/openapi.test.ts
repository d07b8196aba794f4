import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

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
  const document = JSON.parse(JSON.stringify(openApiDocument("https://status.example.com")));

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
    for (const status of ["401", "403", "413", "422"]) expect(operation.responses[status].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
  });

  it("takes the open-incident body from the shared zod schema (limits and components by id or slug)", () => {
    const schema = document.paths["/api/admin/incidents"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["title", "componentIds", "type"]));
    expect(schema.properties.title).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(schema.properties.componentIds.items.anyOf.map((option: { type: string }) => option.type)).toEqual(["integer", "string"]);
  });

  it("lists the read APIs with their content types", () => {
    expect(document.paths["/api/v2/summary.json"].get.responses["200"].content).toHaveProperty("application/json");
    expect(document.paths["/history.atom"].get.responses["200"].content).toHaveProperty("application/atom+xml");
    expect(document.paths["/api/v3/issues/{id}"].get.parameters[0]).toMatchObject({ name: "id", in: "path" });
  });
});
