// The endpoint table's router: every public URL kind resolves to one endpoint, keyed by validated
// input only (cache busters share one answer), and malformed input is a 400/404, never a 500.
import { describe, expect, it } from "vitest";
import { PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { requestTarget, route } from "@/lib/public/router";

const ok = (path: string, search = "") => {
  const found = route(path, search);
  if (!found || found.error) throw new Error(`${path}${search} did not route`);
  return found;
};

const statusOf = (path: string, search = "") => {
  const found = route(path, search);
  if (!found) return "not public";
  return found.error ? found.error("https://status.example.com").status : 200;
};

describe("route", () => {
  it("has one endpoint per path pattern", () => {
    const paths = PUBLIC_ENDPOINTS.map((endpoint) => endpoint.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each([
    ["/", "/"],
    ["/incidents/386", "/incidents/:number"],
    ["/incidents/386/", "/incidents/:number"],
    ["/history", "/history"],
    ["/history/", "/history"],
    ["/components/production", "/components/:slug"],
    ["/history.atom", "/history.atom"],
    ["/components/production/history.rss", "/components/:slug/history.rss"],
    ["/components/production/badge.svg", "/components/:slug/badge.svg"],
    ["/badge.svg", "/badge.svg"],
    ["/maintenance.ics", "/maintenance.ics"],
    ["/api/v2/summary.json", "/api/v2/summary.json"],
    ["/api/v3/issues/386", "/api/v3/issues/:id"],
    ["/api/v4/incidents", "/api/v4/incidents"],
    ["/api/openapi.json", "/api/openapi.json"],
    ["/feed", "/feed"],
  ])("%s → %s", (path, pattern) => {
    expect(ok(path).endpoint.path).toBe(pattern);
  });

  it("leaves everything else to Next.js", () => {
    for (const path of ["/admin", "/admin/login", "/api/admin/incidents", "/api/v2/summary.json/", "/favicon.ico", "/incidents"])
      expect(route(path, "")).toBeNull();
  });

  it("keys an answer by its validated input: unknown and repeated parameters share one key", () => {
    expect(ok("/", "?r=123").key).toBe(ok("/").key);
    expect(ok("/history", "?page=1&utm=x").key).toBe(ok("/history").key);
    expect(ok("/history", "?page=2").key).not.toBe(ok("/history").key);
    expect(ok("/api/v4/incidents", "?limit=5&limit=7&_=1").key).toBe(ok("/api/v4/incidents", "?limit=5").key);
    expect(ok("/incidents/386/").key).toBe(ok("/incidents/386").key);
    expect(ok("/api/v3/issues/%33%38%36").key).toBe(ok("/api/v3/issues/386").key);
  });

  it("treats prototype-named parameters as plain names", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(ok("/", `?${name}=1`).key).toBe(ok("/").key);
      expect(ok("/api/v4/incidents", `?${name}=x&limit=3`).key).toBe(ok("/api/v4/incidents", "?limit=3").key);
      expect(statusOf("/history", `?page=${name}`)).toBe(400);
      expect(statusOf(`/incidents/${name}`)).toBe(404);
      expect(statusOf(`/api/v3/issues/${name}`)).toBe(400);
    }
    // A valid slug that names no component: the page answers 404 once it has read the components.
    expect(ok("/history", "?component=constructor").query).toEqual({ page: 1, component: "constructor" });
    expect(statusOf("/history", "?component=__proto__")).toBe(400);
  });

  // Found by a fuzz run: decodeURIComponent threw on these, and the server answered 500.
  it.each([
    ["/api/v3/issues/%ff%fe", 400],
    ["/api/v3/issues/%", 400],
    ["/components/%zz/badge.svg", 400],
    ["/components/%E0%A4%A/history.atom", 400],
    ["/components/%E0%A4%A/history.rss", 400],
    ["/components/%zz", 400],
    ["/incidents/%ff", 400],
    ["/incidents/%C0%AF", 400],
    ["/components/%2e%2e", 404],
    ["/incidents/1%2F2", 404],
  ])("malformed or odd encoding in %s → %d", (path, status) => {
    expect(statusOf(path)).toBe(status);
  });

  it.each([
    ["/history", "?page=%ff"],
    ["/history", "?page=%"],
    ["/history", "?component=%E0%A4%A"],
    ["/api/v3/issues", "?since=%ff"],
    ["/api/v4/incidents", "?limit=%zz"],
  ])("malformed encoding in the query of %s%s → 400", (path, search) => {
    expect(statusOf(path, search)).toBe(400);
  });

  it("ignores malformed encoding in parameters an endpoint does not read", () => {
    expect(statusOf("/", "?x=%ff")).toBe(200);
    expect(statusOf("/api/v2/summary.json", "?%zz=%ff")).toBe(200);
  });

  it("answers bad input for machines as JSON and for people as a page", () => {
    const api = route("/api/v3/issues/%ff", "")!;
    expect(api.error!("https://x").contentType).toContain("application/json");
    expect(JSON.parse(String(api.error!("https://x").body))).toMatchObject({ error: { code: "invalid_path" } });
    const page = route("/history", "?page=0")!;
    expect(page.error!("https://x").contentType).toContain("text/html");
  });
});

describe("requestTarget", () => {
  /** What the URL standard makes of a request target (the slow path, and the reference). */
  const byUrl = (url: string) => {
    const parsed = URL.parse(url, "http://localhost");
    return parsed && { pathname: parsed.pathname, search: parsed.search };
  };

  it.each([
    "/",
    "/?",
    "/?r=123",
    "/history.atom",
    "/incidents/386/",
    "/components/api/history.atom?lang=de&tz=Europe/Berlin",
    "/./history",
    "/a/../history",
    "/.well-known/security.txt",
    "//evil.example/",
    "/a%20b",
    "/%zz",
    "/?q=a b",
    "/?q=<script>",
    "/?x=%ff&y=?",
    "/a#fragment",
    "/ä",
    "/a\\b",
  ])("reads %j as the URL standard does", (url) => {
    expect(requestTarget(url)).toEqual(byUrl(url));
  });

  it("agrees with the URL standard on random targets", () => {
    const alphabet = "/.?=&%#~-_+:@aZ09 \\ä<";
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed / 2 ** 31);
    for (let i = 0; i < 5_000; i++) {
      const url = `/${Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("")}`;
      expect(requestTarget(url), url).toEqual(byUrl(url));
    }
  });

  it("is null for a target no URL can be made of, and / without one", () => {
    expect(requestTarget(undefined)).toEqual({ pathname: "/", search: "" });
    expect(requestTarget("http://[::1")).toBeNull();
  });
});
