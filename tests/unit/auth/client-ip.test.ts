import { describe, expect, it } from "vitest";
import { addressRangeList, clientIpOf, normalizeIp, PEER_ADDRESS_HEADER, resolveClientIp } from "@/lib/auth/client-ip";
import { loadEnv } from "@/lib/runtime/env";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;
const none = addressRangeList([]);
const proxies = addressRangeList(["10.0.0.0/8", "fd00::/8", "192.0.2.1"]);

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientIp("203.0.113.5", "198.51.100.1", none)).toBe("203.0.113.5");
    expect(resolveClientIp("::ffff:203.0.113.5", "198.51.100.1, 198.51.100.2", none)).toBe("203.0.113.5");
  });

  it("walks X-Forwarded-For from the right past trusted proxies only", () => {
    expect(resolveClientIp("10.0.0.2", "203.0.113.5", proxies)).toBe("203.0.113.5");
    // A client-written entry left of the real client is never reached.
    expect(resolveClientIp("10.0.0.2", "1.1.1.1, 203.0.113.5, 10.1.1.1", proxies)).toBe("203.0.113.5");
    expect(resolveClientIp("fd00::1", "2001:db8::7, 192.0.2.1", proxies)).toBe("2001:db8::7");
    // All hops trusted: the leftmost is the client.
    expect(resolveClientIp("10.0.0.2", "10.0.0.3", proxies)).toBe("10.0.0.3");
    // An untrusted peer's header is ignored.
    expect(resolveClientIp("203.0.113.9", "10.0.0.3", proxies)).toBe("203.0.113.9");
  });

  it("stops at anything that is not an address, and never returns more than 45 characters", () => {
    expect(resolveClientIp("10.0.0.2", "evil, not-an-ip", proxies)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "x".repeat(12_000), proxies)).toBe("10.0.0.2");
    expect(resolveClientIp(null, "203.0.113.5", proxies)).toBe("");
    expect(resolveClientIp("not an ip", null, none)).toBe("");
    expect(normalizeIp(`${"1:".repeat(40)}1`)).toBe("");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("203.0.113.5:8080")).toBe("203.0.113.5");
  });

  it("reads BEACON_TRUSTED_PROXIES for a request's headers", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.5" });
    const previous = process.env.BEACON_TRUSTED_PROXIES;
    try {
      delete process.env.BEACON_TRUSTED_PROXIES;
      expect(clientIpOf(headers)).toBe("127.0.0.1");
      process.env.BEACON_TRUSTED_PROXIES = "127.0.0.1, ::1";
      expect(clientIpOf(headers)).toBe("203.0.113.5");
    } finally {
      if (previous === undefined) delete process.env.BEACON_TRUSTED_PROXIES;
      else process.env.BEACON_TRUSTED_PROXIES = previous;
    }
  });
});

describe("BEACON_TRUSTED_PROXIES", () => {
  it("takes addresses and CIDR ranges of both families, and trusts none by default", () => {
    expect(loadEnv(env({})).trustedProxies).toEqual([]);
    expect(loadEnv(env({ BEACON_TRUSTED_PROXIES: " 10.0.0.0/8 ,fd00::/8,192.0.2.1,::1 " })).trustedProxies).toEqual([
      "10.0.0.0/8",
      "fd00::/8",
      "192.0.2.1",
      "::1",
    ]);
  });

  it("names the bad entry in one line", () => {
    for (const bad of ["10.0.0.300", "10.0.0.0/33", "fd00::/129", "proxy.internal", "10.0.0.0/8/1", "10.0.0.0/"])
      expect(() => loadEnv(env({ BEACON_TRUSTED_PROXIES: `127.0.0.1,${bad}` }))).toThrow(
        `BEACON_TRUSTED_PROXIES has "${bad}", which is not an IP address or CIDR range`,
      );
  });
});
