import { describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { CONTENT_TYPES, NotFoundError, publicResponse, publicRoute, strongEtag } from "@/lib/http/public-response";
import { invalidatePublicViews, PUBLIC_CACHE_CONTROL } from "@/lib/public/cache";

const URL_ = "https://status.example.com/api/v2/status.json";
const content = { body: '{"ok":true}', contentType: CONTENT_TYPES.json, lastModified: new Date("2026-11-22T14:08:12.345Z") };
const request = (headers: Record<string, string> = {}, method = "GET") => new Request(URL_, { method, headers });
const noParams = { params: Promise.resolve({}) };

describe("publicResponse", () => {
  it("answers with the body, a strong ETag, Last-Modified, caching and open CORS", async () => {
    const response = publicResponse(request(), content);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(content.body);
    expect(response.headers.get("etag")).toBe(strongEtag(content.body));
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{32}"$/);
    expect(response.headers.get("last-modified")).toBe("Sun, 22 Nov 2026 14:08:12 GMT");
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("answers 304 without a body when the ETag matches (weak comparison, lists, *)", async () => {
    const etag = strongEtag(content.body);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const response = publicResponse(request({ "if-none-match": ifNoneMatch }), content);
      expect(response.status, ifNoneMatch).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("etag")).toBe(etag);
    }
    expect(publicResponse(request({ "if-none-match": '"other"' }), content).status).toBe(200);
  });

  it("uses If-Modified-Since only without If-None-Match, at second precision", () => {
    expect(publicResponse(request({ "if-modified-since": "Sun, 22 Nov 2026 14:08:12 GMT" }), content).status).toBe(304);
    expect(publicResponse(request({ "if-modified-since": "Sun, 22 Nov 2026 14:08:11 GMT" }), content).status).toBe(200);
    expect(publicResponse(request({ "if-modified-since": "not a date" }), content).status).toBe(200);
    expect(publicResponse(request({ "if-modified-since": "Sun, 22 Nov 2026 14:08:12 GMT", "if-none-match": '"other"' }), content).status).toBe(200);
  });

  it("answers HEAD like GET without a body", async () => {
    const response = publicResponse(request({}, "HEAD"), content);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(strongEtag(content.body));
    expect(response.headers.get("content-length")).toBe(String(content.body.length));
  });
});

describe("publicRoute", () => {
  const route = publicRoute({ query: z.object({ limit: z.coerce.number().int().min(1).max(5).default(2) }) }, async ({ query }) => ({
    body: JSON.stringify(query),
    contentType: CONTENT_TYPES.json,
  }));

  it("validates the query with zod and ignores unknown parameters", async () => {
    expect(await (await route(new Request(`${URL_}?limit=3&_=123`), noParams)).json()).toEqual({ limit: 3 });
    expect(await (await route(new Request(URL_), noParams)).json()).toEqual({ limit: 2 });
  });

  it("answers bad input with a 400 JSON error naming the field", async () => {
    const response = await route(new Request(`${URL_}?limit=abc`), noParams);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_query");
    expect(Object.keys(body.error.fields)).toEqual(["limit"]);
  });

  it("answers an unknown id with 404 and an unreadable database with 503, never a guess", async () => {
    const missing = publicRoute({}, async () => {
      throw new NotFoundError("There is no incident 7.");
    });
    const notFound = await missing(new Request(URL_), noParams);
    expect(notFound.status).toBe(404);
    expect((await notFound.json()).error).toEqual({ code: "not_found", message: "There is no incident 7." });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = publicRoute({}, async () => {
      throw new Error("SQLITE_CANTOPEN");
    });
    const unavailable = await broken(new Request(URL_), noParams);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("cache-control")).toBe("no-store");
    const body = await unavailable.text();
    expect(body).toContain("status_unavailable");
    expect(body).not.toMatch(/operational"|green/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("kept answers", () => {
  it("serializes once per URL for a few seconds, and again after a publish", async () => {
    let serialized = 0;
    const counting = publicRoute({}, async () => ({ body: String(++serialized), contentType: CONTENT_TYPES.json }));
    const get = async (query = "") => (await counting(new Request(`https://status.example.com/kept.json${query}`), noParams)).text();
    expect(await get()).toBe("1");
    expect(await get("?_=cache-buster")).toBe("1");
    invalidatePublicViews();
    expect(await get()).toBe("2");
  });
});
