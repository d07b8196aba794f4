// The gate of a private site, as one decision per request. Pages let in a reader with a cookie or
// from an allowed address and send everyone else to /access; machine URLs (feeds, badges, iCal,
// read APIs, embeds) also take the reader's feed token, as `?token=` or `Authorization: Bearer`, and
// answer 401 without one. The token is not part of any answer's cache key: every reader with
// access gets the same answer, so the check runs on every request, before the answers cache.
import { type BlockList, isIP } from "node:net";
import type { AccessConfig } from "@/lib/access/config";
import { verifyFeedToken, verifyReaderCookie } from "@/lib/access/tokens";
import { addressRangeList } from "@/lib/auth/client-ip";

export type RequestKind = "page" | "payload";

export interface ReaderCredentials {
  ip: string;
  cookie: string | undefined;
  /** `?token=` or the Bearer token, machine URLs only. */
  token: string | null;
}

export type GateDecision = { open: true; private: boolean } | { open: false; refuse: "sign-in" | "unauthorized" };

let parsedRanges: { key: string; list: BlockList } | null = null;

/** The ranges as a BlockList (entries validated when saved), parsed once per change. */
function rangeList(ranges: readonly string[]): BlockList {
  const key = ranges.join(",");
  if (parsedRanges?.key === key) return parsedRanges.list;
  const list = addressRangeList(ranges);
  parsedRanges = { key, list };
  return list;
}

export function inRanges(ip: string, ranges: readonly string[]): boolean {
  if (!ip || ranges.length === 0) return false;
  return rangeList(ranges).check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

export function decideAccess(config: AccessConfig, kind: RequestKind, reader: ReaderCredentials, secret: string, now: Date): GateDecision {
  if (!config.private) return { open: true, private: false };
  const allowed =
    inRanges(reader.ip, config.ipRanges) ||
    verifyReaderCookie(secret, reader.cookie, config.sessionEpoch, now) !== null ||
    (kind === "payload" && verifyFeedToken(secret, reader.token, config.feedEpoch));
  if (allowed) return { open: true, private: true };
  return { open: false, refuse: kind === "page" ? "sign-in" : "unauthorized" };
}

/** At least one way in that works: a password, mail domains (only with mail configured) or ranges. */
export function hasWayIn(config: Pick<AccessConfig, "passwordHash" | "emailDomains" | "ipRanges">, mailConfigured: boolean): boolean {
  return config.passwordHash !== null || (mailConfigured && config.emailDomains.length > 0) || config.ipRanges.length > 0;
}
