import { expect, test } from "@playwright/test";
import { ENDPOINTS } from "./endpoints";

for (const [path, contentType] of ENDPOINTS) {
  test(`${path} answers 200 with its content type, caching and open CORS; 304 on a conditional GET; HEAD without a body`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe(contentType);
    expect(headers["access-control-allow-origin"]).toBe("*");
    expect(headers["cache-control"]).toBe("public, max-age=10, stale-while-revalidate=30, stale-if-error=86400");
    const etag = headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await response.body()).length).toBeGreaterThan(0);

    const conditional = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(conditional.status()).toBe(304);
    expect((await conditional.body()).length).toBe(0);

    const head = await request.head(path);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-type"]).toBe(contentType);
    expect(head.headers().etag).toBe(etag);
    expect((await head.body()).length).toBe(0);
  });
}

test("a feed answers 304 to If-Modified-Since its Last-Modified", async ({ request }) => {
  const response = await request.get("/history.atom");
  const lastModified = response.headers()["last-modified"]!;
  expect(Date.parse(lastModified)).not.toBeNaN();
  expect((await request.get("/history.atom", { headers: { "If-Modified-Since": lastModified } })).status()).toBe(304);
  const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
  expect((await request.get("/history.atom", { headers: { "If-Modified-Since": earlier } })).status()).toBe(200);
});

test("a CORS preflight for a conditional request is allowed", async ({ request }) => {
  const response = await request.fetch("/api/v2/summary.json", {
    method: "OPTIONS",
    headers: { Origin: "https://dashboard.example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
  });
  expect(response.status()).toBe(204);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["access-control-allow-headers"]).toMatch(/If-None-Match/i);
});

test.describe("bad input and unknown ids are 4xx JSON errors, never 500", () => {
  for (const [path, status, code] of [
    ["/api/v3/issues/999999", 404, "not_found"],
    ["/api/v3/issues/abc", 400, "invalid_path"],
    ["/api/v3/issues/-1", 400, "invalid_path"],
    ["/api/v3/issues?limit=0", 400, "invalid_query"],
    ["/api/v3/issues?limit=201", 400, "invalid_query"],
    ["/api/v3/issues?limit=ten", 400, "invalid_query"],
    ["/api/v3/issues?since=yesterday", 400, "invalid_query"],
    ["/api/v4/incidents?limit=1.5", 400, "invalid_query"],
    ["/components/no-such-component/history.rss", 404, "not_found"],
    ["/components/no-such-component/badge.svg", 404, "not_found"],
  ] as const) {
    test(`${path} → ${status}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(status);
      expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
      const body = await response.json();
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe("string");
    });
  }
});
