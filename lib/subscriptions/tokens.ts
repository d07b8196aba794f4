// The two kinds of link a subscriber gets, and why they differ:
//  1. Confirmation: 32 random bytes, stored only as their SHA-256, valid 48 h, cleared when used —
//     a one-time secret, so a leaked or replayed link confirms nothing.
//  2. Manage and unsubscribe: HMAC-SHA256 over (purpose, subscriber id, manageKeyVersion) with a
//     server key — nothing stored, valid in every mail ever sent until the subscriber's key version
//     is bumped. The purpose is inside the MAC: an unsubscribe link cannot open the manage page.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;

export type LinkPurpose = "manage" | "unsubscribe";

export interface LinkHolder {
  id: number;
  manageKeyVersion: number;
}

export function hashConfirmToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A fresh confirmation token (for the mail) and its hash (for the database). */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashConfirmToken(token) };
}

function mac(key: Buffer, purpose: LinkPurpose, id: number, version: number): string {
  return createHmac("sha256", key).update(`beacon-subscriber-link|${purpose}|${id}|${version}`).digest("base64url");
}

/** `<id>.<version>.<mac>`: the token of a manage or unsubscribe link. */
export function signLinkToken(key: Buffer, purpose: LinkPurpose, subscriber: LinkHolder): string {
  return `${subscriber.id}.${subscriber.manageKeyVersion}.${mac(key, purpose, subscriber.id, subscriber.manageKeyVersion)}`;
}

/** The subscriber and key version a token was signed for, or null when it was not signed by us for this purpose. */
export function verifyLinkToken(key: Buffer, purpose: LinkPurpose, token: string): LinkHolder | null {
  const match = /^([1-9]\d{0,9})\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const manageKeyVersion = Number(match[2]);
  const expected = Buffer.from(mac(key, purpose, id, manageKeyVersion));
  const given = Buffer.from(match[3]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { id, manageKeyVersion } : null;
}
