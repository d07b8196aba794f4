// Sign-in and sign-out as use-cases: the login form's server action is a thin wrapper over these.
// The throttle's policy is in lib/auth/throttle.ts; the attempt is counted before the password check.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { issueDeviceCookie, readDeviceCookie } from "@/lib/auth/device";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { createSession, endSession, type RequestMeta } from "@/lib/auth/session";
import { admitAttempt, describeWait, pruneIdleKeys, settleSuccess, throttleKeys } from "@/lib/auth/throttle";
import type { SignInInput } from "@/lib/validation/auth";

export interface SignInRequest extends RequestMeta {
  /** The known-device cookie this browser sent, if any (lib/auth/device.ts). */
  deviceCookie: string | undefined;
}

export type SignInResult =
  | { ok: true; token: string; userId: number /** To set again: renews its lifetime. */; deviceCookie: string }
  | { ok: false; reason: "invalid" | "throttled"; message: string };

const INVALID = "That email and password do not match an account.";

/** `secret`: SESSION_SECRET, which signs the known-device cookie. */
export async function signIn(db: Db, input: SignInInput, request: SignInRequest, now: Date, secret: string): Promise<SignInResult> {
  const findUser = () => db.user.findUnique({ where: { email: input.email } });
  const device = readDeviceCookie(secret, request.deviceCookie);
  const deviceUser = device ? await findUser() : null;
  const knownDevice = device && deviceUser?.id === device.userId ? device : null;
  const keys = throttleKeys(input.email, request.ip, knownDevice);
  const admission = await admitAttempt(db, keys, now);
  if (!admission.admitted)
    return { ok: false, reason: "throttled", message: `Too many failed sign-in attempts. Try again in ${describeWait(admission.wait)}.` };
  await pruneIdleKeys(db, now);
  const user = deviceUser ?? (await findUser());

  const actor = { userId: user?.id ?? null, label: input.email, ip: request.ip };
  // Always run the KDF, so response time does not reveal whether the email exists.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.disabledAt) {
    await recordAudit(db, { actor, action: "auth.sign_in_failed", targetType: "user", targetId: input.email });
    const message = admission.lockedFor > 0 ? `${INVALID} Too many failed attempts: try again in ${describeWait(admission.lockedFor)}.` : INVALID;
    return { ok: false, reason: "invalid", message };
  }

  await settleSuccess(db, keys);
  const token = await db.$transaction(async (tx) => {
    await recordAudit(tx, { actor, action: "auth.sign_in", targetType: "user", targetId: user.id });
    return createSession(tx, user.id, request, now);
  });
  return { ok: true, token, userId: user.id, deviceCookie: issueDeviceCookie(secret, user.id, knownDevice?.deviceId) };
}

export async function signOut(db: Db, token: string, ip: string, now: Date): Promise<void> {
  const user = await endSession(db, token, now);
  if (user)
    await recordAudit(db, { actor: { userId: user.userId, label: user.email, ip }, action: "auth.sign_out", targetType: "user", targetId: user.userId });
}
