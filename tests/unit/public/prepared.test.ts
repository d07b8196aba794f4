// The one prepared response and its send(): headers, lazy encodings and the conditional-GET rules
// of RFC 9110 §13 (If-None-Match with lists, W/ and *, If-Modified-Since only without it, HEAD).
import { createServer, type Server } from "node:http";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_CACHE_CONTROL, pickEncoding, prepare, type PreparedResponse, send, strongEtag } from "@/lib/public/prepared";
import { CONTENT_TYPES } from "@/lib/public/rendered";

const body = JSON.stringify({ status: "ok", padding: "x".repeat(2_000) });
const LAST_MODIFIED = new Date("2026-11-22T14:08:12.345Z");
const payload = prepare({ status: 200, body, contentType: CONTENT_TYPES.json, lastModified: LAST_MODIFIED }, "payload");
const page = prepare({ status: 200, body: `<!DOCTYPE html><p>${"status ".repeat(200)}</p>`, contentType: CONTENT_TYPES.html }, "page");
const missing = prepare({ status: 404, body: "<!DOCTYPE html><p>Not found</p>", contentType: CONTENT_TYPES.html }, "page");

let server: Server;
let base: string;
const answers = new Map<string, PreparedResponse>([
  ["/payload", payload],
  ["/page", page],
  ["/missing", missing],
]);

beforeAll(async () => {
  server = createServer((request, response) => void send(request, response, answers.get(request.url ?? "")!));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  fetch(`${base}${path}`, { method, headers: { "accept-encoding": "identity", ...headers } });

describe("prepare", () => {
  it("gives a strong ETag, Last-Modified at second precision, caching, CORS and the CSP of its kind", () => {
    expect(payload.etag).toBe(strongEtag(body));
    expect(payload.etag).toMatch(/^"[\w-]{32}"$/);
    expect(payload.headers["Last-Modified"]).toBe("Sun, 22 Nov 2026 14:08:12 GMT");
    expect(payload.headers["Cache-Control"]).toBe(PUBLIC_CACHE_CONTROL);
    expect(payload.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(payload.headers["Content-Security-Policy"]).toContain("sandbox");
    expect(page.headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(page.headers["Access-Control-Allow-Origin"]).toBeUndefined();
    expect(missing.headers["Cache-Control"]).toBe("public, max-age=10");
    expect(prepare({ status: 503, body: "{}", contentType: CONTENT_TYPES.json }, "payload").headers).toMatchObject({
      "Cache-Control": "no-store",
      "Retry-After": "10",
    });
  });

  it("compresses nothing until an encoding is asked for", () => {
    const fresh = prepare({ status: 200, body, contentType: CONTENT_TYPES.json }, "payload");
    expect(fresh.encoded).toEqual({});
    expect(prepare({ status: 200, body: "{}", contentType: CONTENT_TYPES.json }, "payload").encoded).toBeNull();
  });
});

describe("pickEncoding", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0.0, gzip;q=0", null],
    ["*", "gzip"],
    ["identity", null],
    ["BR", "br"],
  ])("%s → %s", (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected);
  });
});

describe("send: conditional GET", () => {
  const etag = payload.etag;
  const cases: [string, Record<string, string>, number][] = [
    ["no validators", {}, 200],
    ["matching If-None-Match", { "if-none-match": etag }, 304],
    ["weak form of the ETag", { "if-none-match": `W/${etag}` }, 304],
    ["ETag in a list", { "if-none-match": `"other", ${etag}` }, 304],
    ["list without spaces", { "if-none-match": `"a",${etag},"b"` }, 304],
    ["* (any current answer)", { "if-none-match": "*" }, 304],
    ["another ETag", { "if-none-match": '"other"' }, 200],
    ["If-Modified-Since at Last-Modified", { "if-modified-since": "Sun, 22 Nov 2026 14:08:12 GMT" }, 304],
    ["If-Modified-Since after Last-Modified", { "if-modified-since": "Sun, 22 Nov 2026 15:00:00 GMT" }, 304],
    ["If-Modified-Since one second before", { "if-modified-since": "Sun, 22 Nov 2026 14:08:11 GMT" }, 200],
    ["If-Modified-Since that is not a date", { "if-modified-since": "not a date" }, 200],
    ["If-None-Match decides over If-Modified-Since", { "if-none-match": '"other"', "if-modified-since": "Sun, 22 Nov 2026 15:00:00 GMT" }, 200],
  ];
  it.each(cases)("%s", async (_name, headers, status) => {
    const response = await get("/payload", headers);
    expect(response.status).toBe(status);
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(await response.text()).toBe(status === 304 ? "" : body);
  });

  it("a page without Last-Modified ignores If-Modified-Since", async () => {
    expect((await get("/page", { "if-modified-since": "Sun, 22 Nov 2099 15:00:00 GMT" })).status).toBe(200);
  });

  it("never answers 304 for an error answer", async () => {
    expect((await get("/missing", { "if-none-match": "*" })).status).toBe(404);
  });

  it("answers HEAD like GET without a body, and 304 to a conditional HEAD", async () => {
    const head = await get("/payload", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe("");
    expect((await get("/payload", { "if-none-match": etag }, "HEAD")).status).toBe(304);
  });

  it("sends gzip or brotli when asked, with Vary, and the same bytes once decoded", async () => {
    for (const [encoding, decode] of [
      ["gzip", gunzipSync],
      ["br", brotliDecompressSync],
    ] as const) {
      const response = await fetch(`${base}/payload`, { headers: { "accept-encoding": encoding } });
      expect(response.headers.get("content-encoding")).toBe(encoding);
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
      // fetch decodes for us; check the prepared bytes too.
      expect(await response.text()).toBe(body);
      expect(decode(payload.encoded![encoding] as Buffer).toString()).toBe(body);
    }
  });
});
