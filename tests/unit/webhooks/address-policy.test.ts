// Which addresses a webhook may reach: the public Internet, and internal ranges only when the
// operator allow-lists them (BEACON_WEBHOOK_ALLOW).
import { describe, expect, it } from "vitest";
import { allowEntryProblem } from "@/lib/runtime/address-lists";
import { isAllowedAddress, NOTHING_ALLOWED, parseWebhookAllowList } from "@/lib/webhooks/address-policy";
import { loadEnv } from "@/lib/runtime/env";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

const REFUSED = {
  loopback: ["127.0.0.1", "127.255.255.254", "::1"],
  unspecified: ["0.0.0.0", "::"],
  "RFC 1918 private": ["10.0.0.1", "172.16.0.1", "172.31.255.254", "192.168.1.1"],
  "unique local IPv6": ["fc00::1", "fd12:3456::1"],
  "link-local": ["169.254.0.1", "fe80::1"],
  metadata: ["169.254.169.254", "100.100.100.200", "fd00:ec2::254", "192.0.0.192"],
  CGNAT: ["100.64.0.1", "100.127.255.254"],
  multicast: ["224.0.0.1", "239.255.255.250", "ff02::1"],
  "reserved and broadcast": ["240.0.0.1", "255.255.255.255"],
  "IPv4-mapped and NAT64 forms": ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:8.8.8.8", "64:ff9b::7f00:1"],
};

describe("isAllowedAddress", () => {
  it.each(Object.entries(REFUSED))("refuses %s", (_kind, addresses) => {
    for (const address of addresses) expect(isAllowedAddress("hooks.example.com", address, NOTHING_ALLOWED), address).toBe(false);
  });

  it("allows public addresses, including those next to the refused ranges", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "2a00:1450::1"]) {
      expect(isAllowedAddress("hooks.example.com", address, NOTHING_ALLOWED), address).toBe(true);
    }
  });

  it("numeric host forms normalize to the address they mean before the check", () => {
    for (const host of ["0x7f000001", "2130706433", "127.1", "0177.0.0.1", "[::ffff:127.0.0.1]"]) {
      const hostname = new URL(`http://${host}/`).hostname.replace(/^\[|\]$/g, "");
      expect(isAllowedAddress(hostname, hostname, NOTHING_ALLOWED), host).toBe(false);
    }
  });

  it("an allow list opens exactly its addresses, ranges and host names", () => {
    const allow = parseWebhookAllowList(["127.0.0.1", "10.20.0.0/16", "hooks.internal", "fd00:1::/32"]);
    expect(isAllowedAddress("x", "127.0.0.1", allow)).toBe(true);
    expect(isAllowedAddress("x", "127.0.0.2", allow)).toBe(false);
    expect(isAllowedAddress("x", "10.20.9.9", allow)).toBe(true);
    expect(isAllowedAddress("x", "10.21.0.1", allow)).toBe(false);
    expect(isAllowedAddress("Hooks.Internal", "10.9.9.9", allow)).toBe(true);
    expect(isAllowedAddress("x", "fd00:1::5", allow)).toBe(true);
    expect(isAllowedAddress("x", "169.254.169.254", allow)).toBe(false);
  });
});

describe("BEACON_WEBHOOK_ALLOW", () => {
  it("accepts host names, addresses and CIDR ranges, comma-separated", () => {
    expect(loadEnv(env({ BEACON_WEBHOOK_ALLOW: " 127.0.0.1, hooks.internal ,10.0.0.0/8,fd00::/8" })).webhookAllow).toEqual([
      "127.0.0.1",
      "hooks.internal",
      "10.0.0.0/8",
      "fd00::/8",
    ]);
    expect(loadEnv(env({})).webhookAllow).toEqual([]);
  });

  it("refuses an unusable entry at start-up with one readable line", () => {
    expect(() => loadEnv(env({ BEACON_WEBHOOK_ALLOW: "127.0.0.1,10.0.0.0/33" }))).toThrow(
      /^BEACON_WEBHOOK_ALLOW must list host names, addresses or CIDR ranges .*: "10.0.0.0\/33" has no valid prefix length/,
    );
    expect(allowEntryProblem("a b")).toMatch(/not a host name/);
    expect(allowEntryProblem("x/8")).toMatch(/not a host name/);
  });
});
