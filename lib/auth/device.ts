// The known-device cookie: set when a user signs in successfully, it lets that browser past the
// lockouts strangers can cause (lib/auth/throttle.ts); the password is still required. It names
// the user and a random device id, signed with SESSION_SECRET (HMAC-SHA256), so it cannot be forged
// or moved to another user. It grants nothing on its own: it is not a session.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { DAY_MS } from "@/lib/timeline/dates";

export const DEVICE_COOKIE = "beacon_device";
export const DEVICE_COOKIE_LIFETIME_MS = 365 * DAY_MS;

export interface KnownDevice {
  userId: number;
  deviceId: string;
}

function signature(secret: string, userId: number, deviceId: string): Buffer {
  return createHmac("sha256", secret).update(`beacon-device:v1:${userId}:${deviceId}`).digest();
}

/** The cookie value for this user on this device (a new device id when `deviceId` is omitted). */
export function issueDeviceCookie(secret: string, userId: number, deviceId = randomBytes(16).toString("base64url")): string {
  return `${userId}.${deviceId}.${signature(secret, userId, deviceId).toString("base64url")}`;
}

/** The device a cookie value names, or null when absent, malformed or not signed with `secret`. */
export function readDeviceCookie(secret: string, value: string | undefined): KnownDevice | null {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!match) return null;
  const userId = Number(match[1]);
  const deviceId = match[2]!;
  const given = Buffer.from(match[3]!, "base64url");
  const expected = signature(secret, userId, deviceId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, deviceId } : null;
}
