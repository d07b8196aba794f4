// PURE: the signed values a reader carries into a private site, checked without the database (so
// the gate keeps working during an outage):
//  - the reader cookie `<passId>.<sessionEpoch>.<expiresSec>.<mac>` — a new password bumps the
//    site's session epoch, so every earlier cookie stops working at once;
//  - the feed token `<passId>.<mac>` over the site's feed epoch — rotating it revokes every token;
//  - a magic link's random token, stored only as its SHA-256.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const READER_COOKIE = "beacon_reader";
export const SESSION_DAYS = 30;

const mac = (secret: string, purpose: string, ...parts: (string | number)[]) =>
  createHmac("sha256", secret)
    .update([purpose, ...parts].join("|"))
    .digest("base64url")
    .slice(0, 32);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A new id for a ReaderPass row (and the reader it stands for). */
export const newPassId = () => randomBytes(12).toString("base64url");

export function readerCookieValue(secret: string, passId: string, sessionEpoch: number, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${passId}.${sessionEpoch}.${expires}.${mac(secret, "reader", passId, sessionEpoch, expires)}`;
}

/** The reader's pass id when the cookie is signed by us, of the current epoch and not expired; else null. */
export function verifyReaderCookie(secret: string, value: string | undefined, sessionEpoch: number, now: Date): string | null {
  const [passId = "", epoch = "", expires = "", signature = "", extra] = (value ?? "").split(".");
  if (extra !== undefined || !/^[\w-]{1,32}$/.test(passId) || !/^\d{1,10}$/.test(epoch) || !/^\d{1,12}$/.test(expires)) return null;
  if (!sameText(signature, mac(secret, "reader", passId, Number(epoch), Number(expires)))) return null;
  if (Number(epoch) !== sessionEpoch || Number(expires) * 1000 <= now.getTime()) return null;
  return passId;
}

export function feedToken(secret: string, passId: string, feedEpoch: number): string {
  return `${passId}.${mac(secret, "feed", passId, feedEpoch)}`;
}

export function verifyFeedToken(secret: string, token: string | null | undefined, feedEpoch: number): boolean {
  const [passId = "", signature = "", extra] = (token ?? "").split(".");
  if (extra !== undefined || !/^[\w-]{1,32}$/.test(passId)) return false;
  return sameText(signature, mac(secret, "feed", passId, feedEpoch));
}

export const newLinkToken = () => randomBytes(24).toString("base64url");
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The cookie's value in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
