// Admin form posts Next.js would fail on with a 500 get a clear 4xx from the proxy first.
import { describe, expect, it } from "vitest";
import { ADMIN_POST_LIMIT_BYTES, refusedAdminRequest } from "@/lib/admin/request-guard";

const post = (headers: Record<string, string>, method = "POST", pathname = "/admin/settings") =>
  refusedAdminRequest({ method, headers: new Headers(headers), nextUrl: { pathname } });

describe("refusedAdminRequest", () => {
  it("answers 400 for a path Next.js cannot percent-decode", () => {
    for (const pathname of ["/admin/incidents/%zz", "/admin/webhooks/%E0%A4%A", "/admin/incidents/%ff/posts"]) {
      expect(post({ host: "status.example.com" }, "GET", pathname)?.status, pathname).toBe(400);
    }
    expect(post({ host: "status.example.com" }, "GET", "/admin/incidents/%33%38%36")).toBeNull();
  });

  it("answers 413 for a body over the server actions' 1 MB limit", () => {
    expect(post({ host: "status.example.com", "content-length": String(ADMIN_POST_LIMIT_BYTES + 1) })?.status).toBe(413);
    expect(post({ host: "status.example.com", "content-length": String(ADMIN_POST_LIMIT_BYTES) })).toBeNull();
  });

  it("answers 403 for an Origin that is not the host the request came to", () => {
    expect(post({ host: "status.example.com", origin: "https://evil.example" })?.status).toBe(403);
    expect(post({ host: "status.example.com", origin: "null" })?.status).toBe(403);
    expect(post({ host: "status.example.com", origin: "not a url" })?.status).toBe(403);
    expect(post({ host: "127.0.0.1:3000", "x-forwarded-host": "status.example.com", origin: "https://status.example.com" })).toBeNull();
  });

  it("lets same-origin posts, posts without Origin and every GET through", () => {
    expect(post({ host: "status.example.com", origin: "https://status.example.com" })).toBeNull();
    expect(post({ host: "status.example.com" })).toBeNull();
    expect(post({ host: "status.example.com", origin: "https://evil.example", "content-length": "99999999" }, "GET")).toBeNull();
  });
});
