// While private, a kept public answer is sent as its private variant: the same body (pages with a
// robots meta), never storable by a shared cache, never indexed — made once per kept answer.
import { describe, expect, it } from "vitest";
import { prepare, privateVariant } from "@/lib/public/prepared";
import { accessFormSchema } from "@/lib/validation/access";

describe("privateVariant", () => {
  const page = prepare(
    {
      status: 200,
      body: `<!DOCTYPE html><html><head><title>x</title></head><body>${"ok ".repeat(200)}</body></html>`,
      contentType: "text/html; charset=utf-8",
    },
    "page",
  );
  const feed = prepare({ status: 200, body: "<feed/>", contentType: "application/atom+xml; charset=utf-8" }, "payload");

  it("makes every answer private, uncacheable by shared caches and unindexed", () => {
    for (const answer of [page, feed]) {
      const variant = privateVariant(answer);
      expect(variant.headers["Cache-Control"]).toBe("private, no-store");
      expect(variant.headers["X-Robots-Tag"]).toBe("noindex, nofollow");
      expect(variant.headers.Vary).toContain("Cookie");
      expect(answer.headers["Cache-Control"]).toMatch(/^public/);
    }
  });

  it("adds the robots meta to pages, with their own ETag, and leaves other bodies as they are", () => {
    const variant = privateVariant(page);
    expect(variant.identity.toString()).toContain('<head><meta name="robots" content="noindex, nofollow"><title>');
    expect(variant.etag).not.toBe(page.etag);
    expect(variant.headers.ETag).toBe(variant.etag);
    expect(privateVariant(feed).identity).toBe(feed.identity);
  });

  it("is made once per kept answer", () => {
    expect(privateVariant(page)).toBe(privateVariant(page));
  });
});

describe("accessFormSchema", () => {
  const form = { private: "on", password: "", emailDomains: "", ipRanges: "" };

  it("reads lines of domains and ranges, lower-cased", () => {
    const parsed = accessFormSchema.parse({ ...form, emailDomains: "Example.com\nops.example.org", ipRanges: "10.0.0.0/8, 2001:DB8::/32" });
    expect(parsed).toMatchObject({
      private: true,
      emailDomains: ["example.com", "ops.example.org"],
      ipRanges: ["10.0.0.0/8", "2001:db8::/32"],
      rotateFeedTokens: false,
    });
  });

  it("says what is wrong with a short password, a host name as range or a bad domain", () => {
    const result = accessFormSchema.safeParse({ ...form, password: "short", ipRanges: "intranet", emailDomains: "not a domain" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["emailDomains", "ipRanges", "password"]);
  });
});
