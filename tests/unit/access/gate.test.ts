// The private site's gate as one decision: per kind of URL (page, machine) and per way in (cookie,
// allowed address, feed token), with the signed values' checks and the IP ranges.
import { describe, expect, it } from "vitest";
import { type AccessConfig, PUBLIC_SITE } from "@/lib/access/config";
import { decideAccess, hasWayIn, inRanges } from "@/lib/access/gate";
import { domainAllowed } from "@/lib/access/readers";
import { cookieValue, feedToken, readerCookieValue, verifyFeedToken, verifyReaderCookie } from "@/lib/access/tokens";
import { safePublicReturnPath } from "@/lib/auth/return-path";
import { ipRangeProblem } from "@/lib/validation/access";

const SECRET = "s".repeat(40);
const NOW = new Date("2026-12-01T12:00:00Z");
const LATER = new Date("2026-12-31T12:00:00Z");
const PRIVATE: AccessConfig = {
  ...PUBLIC_SITE,
  private: true,
  passwordHash: "scrypt$…",
  ipRanges: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"],
  sessionEpoch: 3,
  feedEpoch: 5,
};
const nobody = { ip: "198.51.100.1", cookie: undefined, token: null };
const cookie = readerCookieValue(SECRET, "reader1", 3, LATER);
const token = feedToken(SECRET, "reader1", 5);

describe("decideAccess", () => {
  it("opens everything while the site is public", () => {
    expect(decideAccess(PUBLIC_SITE, "page", nobody, SECRET, NOW)).toEqual({ open: true, private: false });
    expect(decideAccess(PUBLIC_SITE, "payload", nobody, SECRET, NOW)).toEqual({ open: true, private: false });
  });

  it("sends pages to sign in and answers machines 401 without a way in", () => {
    expect(decideAccess(PRIVATE, "page", nobody, SECRET, NOW)).toEqual({ open: false, refuse: "sign-in" });
    expect(decideAccess(PRIVATE, "payload", nobody, SECRET, NOW)).toEqual({ open: false, refuse: "unauthorized" });
  });

  it("lets a reader cookie into pages and machine URLs", () => {
    for (const kind of ["page", "payload"] as const)
      expect(decideAccess(PRIVATE, kind, { ...nobody, cookie }, SECRET, NOW)).toEqual({ open: true, private: true });
  });

  it("lets an allowed address in without signing in, IPv4 and IPv6", () => {
    for (const ip of ["10.20.30.40", "2001:db8::1", "192.0.2.7"]) expect(decideAccess(PRIVATE, "page", { ...nobody, ip }, SECRET, NOW).open).toBe(true);
    for (const ip of ["11.0.0.1", "2001:db9::1", "192.0.2.8", ""]) expect(decideAccess(PRIVATE, "page", { ...nobody, ip }, SECRET, NOW).open).toBe(false);
  });

  it("takes the feed token on machine URLs only", () => {
    expect(decideAccess(PRIVATE, "payload", { ...nobody, token }, SECRET, NOW).open).toBe(true);
    expect(decideAccess(PRIVATE, "page", { ...nobody, token }, SECRET, NOW).open).toBe(false);
  });
});

describe("reader cookie", () => {
  it("is valid until it expires, for its epoch, signed with our secret", () => {
    expect(verifyReaderCookie(SECRET, cookie, 3, NOW)).toBe("reader1");
    expect(verifyReaderCookie(SECRET, cookie, 3, new Date(LATER.getTime() + 1000))).toBeNull();
    expect(verifyReaderCookie(SECRET, cookie, 4, NOW)).toBeNull();
    expect(verifyReaderCookie("x".repeat(40), cookie, 3, NOW)).toBeNull();
  });

  it("refuses a changed part or garbage", () => {
    const [id, epoch, expires, mac] = cookie.split(".");
    expect(verifyReaderCookie(SECRET, [id, epoch, String(Number(expires) + 9999), mac].join("."), 3, NOW)).toBeNull();
    expect(verifyReaderCookie(SECRET, ["reader2", epoch, expires, mac].join("."), 3, NOW)).toBeNull();
    for (const value of [undefined, "", "a.b.c.d", `${cookie}.x`]) expect(verifyReaderCookie(SECRET, value, 3, NOW)).toBeNull();
  });

  it("is found in a Cookie header among others", () => {
    expect(cookieValue(`a=1; beacon_reader=${cookie}; b=2`, "beacon_reader")).toBe(cookie);
    expect(cookieValue("a=1", "beacon_reader")).toBeUndefined();
  });
});

describe("feed token", () => {
  it("stops working when the feed epoch is rotated", () => {
    expect(verifyFeedToken(SECRET, token, 5)).toBe(true);
    expect(verifyFeedToken(SECRET, token, 6)).toBe(false);
    expect(verifyFeedToken(SECRET, `${token}x`, 5)).toBe(false);
    expect(verifyFeedToken(SECRET, null, 5)).toBe(false);
  });
});

describe("settings", () => {
  it("needs a way in, mail domains only with mail configured", () => {
    expect(hasWayIn({ passwordHash: null, emailDomains: [], ipRanges: [] }, true)).toBe(false);
    expect(hasWayIn({ passwordHash: null, emailDomains: ["example.com"], ipRanges: [] }, false)).toBe(false);
    expect(hasWayIn({ passwordHash: null, emailDomains: ["example.com"], ipRanges: [] }, true)).toBe(true);
    expect(hasWayIn({ passwordHash: null, emailDomains: [], ipRanges: ["10.0.0.0/8"] }, false)).toBe(true);
  });

  it("checks CIDR entries and refuses host names", () => {
    expect(ipRangeProblem("10.0.0.0/8")).toBeNull();
    expect(ipRangeProblem("2001:db8::/129")).toMatch(/prefix/);
    expect(ipRangeProblem("intranet.example")).toMatch(/not an IP/);
    expect(inRanges("10.1.2.3", [])).toBe(false);
  });

  it("allows a listed domain and its subdomains, nothing that merely ends alike", () => {
    expect(domainAllowed("Ann@Example.com", ["example.com"])).toBe(true);
    expect(domainAllowed("ann@eu.example.com", ["example.com"])).toBe(true);
    expect(domainAllowed("ann@badexample.com", ["example.com"])).toBe(false);
  });
});

describe("safePublicReturnPath", () => {
  it("returns to a public path only", () => {
    expect(safePublicReturnPath("/incidents/3?lang=de")).toBe("/incidents/3?lang=de");
    expect(safePublicReturnPath("/history.atom?token=abc")).toBe("/history.atom");
    for (const bad of ["//evil.example", "https://evil.example/", "/\\evil.example", "/admin", "/access?return=/", "x", undefined])
      expect(safePublicReturnPath(bad)).toBe("/");
  });
});
