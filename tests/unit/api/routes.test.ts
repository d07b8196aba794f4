// The write API's route table: every address and method reaches exactly one endpoint, with its
// parameters decoded; wrong methods, unknown and malformed addresses get their own answers.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { matchWriteRoute, WRITE_ROUTES } from "@/lib/api/routes";
import { createWriteApi } from "@/lib/api/write-routes";

const endpoint = (method: string, path: string) => {
  const match = matchWriteRoute(method, path);
  return match && "found" in match ? { name: match.found.endpoint, params: match.params } : match;
};

describe("matchWriteRoute", () => {
  it("finds each endpoint with its parameters", () => {
    expect(endpoint("POST", "/api/admin/incidents")).toEqual({ name: "openIncident", params: {} });
    expect(endpoint("POST", "/api/admin/incidents/386/posts")).toEqual({ name: "postUpdate", params: { number: "386" } });
    expect(endpoint("PATCH", "/api/admin/incidents/386/posts/7")).toEqual({ name: "editPost", params: { number: "386", id: "7" } });
    expect(endpoint("DELETE", "/api/admin/incidents/386/posts/7")).toEqual({ name: "deletePost", params: { number: "386", id: "7" } });
    expect(endpoint("POST", "/api/admin/maintenance/12/cancel")).toEqual({ name: "cancelMaintenance", params: { number: "12" } });
  });

  it("ignores one trailing slash and decodes parameters (the endpoint's schema validates them)", () => {
    expect(endpoint("POST", "/api/admin/incidents/")).toEqual({ name: "openIncident", params: {} });
    expect(endpoint("POST", "/api/admin/incidents/%33%38%36/posts")).toEqual({ name: "postUpdate", params: { number: "386" } });
    expect(endpoint("POST", "/api/admin/incidents/abc/posts")).toEqual({ name: "postUpdate", params: { number: "abc" } });
  });

  it("names the methods an address answers when asked with another", () => {
    expect(matchWriteRoute("GET", "/api/admin/incidents/386/posts/7")).toEqual({ allowed: ["PATCH", "DELETE"] });
    expect(matchWriteRoute("PUT", "/api/admin/maintenance")).toEqual({ allowed: ["POST"] });
  });

  it("finds nothing for unknown addresses and empty parameters", () => {
    for (const path of [
      "/api/admin",
      "/api/admin/",
      "/api/admin/incident",
      "/api/admin/incidents//posts",
      "/api/admin/incidents/1/posts/2/3",
      "/api/admin/incidents/1/posts//",
    ]) {
      expect(matchWriteRoute("POST", path), path).toBeNull();
    }
  });

  it("reports malformed percent-encoding in a parameter", () => {
    for (const path of ["/api/admin/incidents/%ff/posts", "/api/admin/incidents/%zz/posts/1", "/api/admin/maintenance/%E0%A4%A/end"]) {
      expect(matchWriteRoute("POST", path), path).toEqual({ malformed: true });
    }
  });
});

describe("WRITE_ROUTES", () => {
  it("routes to every endpoint of the write API, each address and method once", () => {
    const api = createWriteApi({ db: () => null as never, now: () => new Date(), baseUrl: () => "https://status.example.com" });
    expect(new Set(WRITE_ROUTES.map((route) => route.endpoint))).toEqual(new Set(Object.keys(api)));
    const keys = WRITE_ROUTES.map((route) => `${route.method} ${route.pattern}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("lists every route in the OpenAPI document", () => {
    const paths = openApiDocument("https://status.example.com", []).paths as Record<string, Record<string, unknown>>;
    for (const { method, pattern } of WRITE_ROUTES) {
      const documented = pattern.replace(/:([a-z]+)/gi, "{$1}");
      expect(paths[documented]?.[method.toLowerCase()], `${method} ${pattern}`).toBeDefined();
    }
  });
});
