// The client's address, for the sign-in throttle, sessions and the audit log. Forwarding headers
// are anyone's to write, so they count only when the connection comes from a proxy the operator
// listed in BEACON_TRUSTED_PROXIES; by default the socket's own address is the client.
import { BlockList, isIP } from "node:net";
import { loadEnv } from "@/lib/runtime/env";

/**
 * The socket's address, set by scripts/start.ts on every request after removing any value the
 * client sent under this name (Next.js does not expose the socket to pages and actions).
 */
export const PEER_ADDRESS_HEADER = "x-beacon-peer-address";
/** The longest textual IP address (an IPv6 address ending in an IPv4 one). */
const MAX_IP_LENGTH = 45;

/** A valid IP address without an IPv4-mapped prefix or port, or "" for anything else. */
export function normalizeIp(value: string | null | undefined): string {
  let text = (value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, "");
  return text.length <= MAX_IP_LENGTH && isIP(text) ? text.toLowerCase() : "";
}

/** Addresses and CIDR ranges, already validated (BEACON_TRUSTED_PROXIES, a private site's allowed ranges), as one BlockList. */
export function addressRangeList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function isTrusted(ip: string, trusted: BlockList): boolean {
  return trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/**
 * Walks from the socket's address leftwards through X-Forwarded-For while the hop is a trusted
 * proxy: the first address not in the list is the client. An entry that is not an IP address
 * stops the walk at the last trusted hop, since no trusted proxy writes one.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trusted: BlockList): string {
  let client = normalizeIp(peer);
  if (!client) return "";
  const hops = (forwardedFor ?? "").split(",").reverse();
  for (const hop of hops) {
    if (!isTrusted(client, trusted)) break;
    const next = normalizeIp(hop);
    if (!next) break;
    client = next;
  }
  return client;
}

let cached: { setting: string; list: BlockList } | null = null;

/** The client's address of a request; "" when the server did not record the socket's address. */
export function clientIpOf(headers: Pick<Headers, "get">): string {
  const entries = loadEnv().trustedProxies;
  const setting = entries.join(",");
  if (cached?.setting !== setting) cached = { setting, list: addressRangeList(entries) };
  return resolveClientIp(headers.get(PEER_ADDRESS_HEADER), headers.get("x-forwarded-for"), cached.list);
}
