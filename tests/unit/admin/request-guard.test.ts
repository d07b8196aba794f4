// Admin form posts Next.js would fail on with a 500 get a clear 4xx from the proxy first.
import { describe, expect, it } from "vitest";
import { ADMIN_POST_LIMIT_BYTES, refusedAdminPost } from "@/lib/admin/request-guard";

const post = (headers: Record<string, string>, method = "POST") => refusedAdminPost({ method, headers: new Headers(headers) });

describe("refusedAdminPost", () => {
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
