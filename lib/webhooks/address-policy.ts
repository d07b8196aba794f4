// Where a webhook may connect. An admin types the URL, so without a rule Beacon would POST to its own
// loopback, the private network or a cloud metadata service for them (and its delivery log would
// tell them what answered). Every address a URL resolves to is checked here, after DNS; the
// operator lists internal receivers explicitly in BEACON_WEBHOOK_ALLOW (hosts, addresses, CIDRs).
import { BlockList, isIP } from "node:net";

/** Ranges no webhook reaches unless allow-listed: RFC 6890 special-purpose space that is not the public Internet. */
const REFUSED_RANGES: [address: string, prefix: number, family: "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"], // "this network", including the unspecified 0.0.0.0
  ["10.0.0.0", 8, "ipv4"], // RFC 1918 private
  ["100.64.0.0", 10, "ipv4"], // CGNAT shared space (also Alibaba's metadata 100.100.100.200)
  ["127.0.0.0", 8, "ipv4"], // loopback
  ["169.254.0.0", 16, "ipv4"], // link-local, including the 169.254.169.254 metadata service
  ["172.16.0.0", 12, "ipv4"], // RFC 1918 private
  ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments (e.g. 192.0.0.192, Oracle's metadata)
  ["192.168.0.0", 16, "ipv4"], // RFC 1918 private
  ["198.18.0.0", 15, "ipv4"], // benchmarking
  ["224.0.0.0", 4, "ipv4"], // multicast
  ["240.0.0.0", 4, "ipv4"], // reserved, including the broadcast 255.255.255.255
  ["::", 96, "ipv6"], // unspecified ::, loopback ::1 and the deprecated IPv4-compatible forms
  ["::ffff:0:0", 96, "ipv6"], // IPv4-mapped: ::ffff:127.0.0.1 is 127.0.0.1
  ["64:ff9b::", 96, "ipv6"], // NAT64 to IPv4, which could be any of the above
  ["64:ff9b:1::", 48, "ipv6"], // local-use NAT64
  ["fc00::", 7, "ipv6"], // unique local (private), including AWS's metadata fd00:ec2::254
  ["fe80::", 10, "ipv6"], // link-local
  ["ff00::", 8, "ipv6"], // multicast
];

// One list per family: a single BlockList also matches IPv4 addresses against IPv6 rules (as ::ffff:a.b.c.d).
const refused = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [address, prefix, family] of REFUSED_RANGES) refused[family].addSubnet(address, prefix, family);

/** BEACON_WEBHOOK_ALLOW, parsed: host names (exact, lower case) and address ranges that may be reached although internal. */
export interface WebhookAllowList {
  hosts: ReadonlySet<string>;
  ranges: BlockList;
}

export const NOTHING_ALLOWED: WebhookAllowList = { hosts: new Set(), ranges: new BlockList() };

/** Comma-separated entries (already validated by lib/runtime/env.ts), e.g. "127.0.0.1, hooks.internal, 10.20.0.0/16". */
export function parseWebhookAllowList(entries: readonly string[]): WebhookAllowList {
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) hosts.add(entry.toLowerCase());
    else ranges.addSubnet(address, prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix), family === 4 ? "ipv4" : "ipv6");
  }
  return { hosts, ranges };
}

/** May a webhook for `hostname` connect to `address` (an IP address, as resolved)? */
export function isAllowedAddress(hostname: string, address: string, allow: WebhookAllowList): boolean {
  const family = isIP(address) === 4 ? "ipv4" : "ipv6";
  if (allow.hosts.has(hostname.toLowerCase().replace(/^\[|\]$/g, ""))) return true;
  if (allow.ranges.check(address, family)) return true;
  return !refused[family].check(address, family);
}
