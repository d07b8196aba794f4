// `X-Beacon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`.
// Receivers recompute the HMAC over the raw body, compare in constant time, and reject stale `t`
// (replays). See lib/webhooks/README.md for a receiver in a few lines.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Beacon-Signature";
/** How old a signature a receiver should accept; also what verifySignature uses by default. */
export const SIGNATURE_TOLERANCE_S = 300;

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** True when `header` signs `body` with `secret` and its timestamp is within the tolerance of `now`. */
export function verifySignature(secret: string, header: string | null | undefined, body: string, now: Date, toleranceS = SIGNATURE_TOLERANCE_S): boolean {
  const parts = new Map((header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceS) return false;
  return timingSafeEqual(Buffer.from(signatureOf(secret, timestamp, body), "hex"), Buffer.from(given, "hex"));
}
