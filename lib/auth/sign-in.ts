// Sign-in and sign-out as use-cases: the login form's server action is a thin wrapper over these.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { createSession, endSession, type RequestMeta } from "@/lib/auth/session";
import { clearFailures, describeWait, lockedFor, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import type { SignInInput } from "@/lib/validation/auth";

export type SignInResult = { ok: true; token: string; userId: number } | { ok: false; reason: "invalid" | "throttled"; message: string };

const INVALID = "That email and password do not match an account.";

export async function signIn(db: Db, input: SignInInput, meta: RequestMeta, now: Date): Promise<SignInResult> {
  const keys = throttleKeys(input.email, meta.ip);
  const actor = { userId: null, label: input.email, ip: meta.ip };
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) {
    await recordAudit(db, { actor, action: "auth.sign_in_throttled", targetType: "user", targetId: input.email });
    return { ok: false, reason: "throttled", message: `Too many failed sign-in attempts. Try again in ${describeWait(wait)}.` };
  }

  const user = await db.user.findUnique({ where: { email: input.email } });
  // Always run the KDF, so response time does not reveal whether the email exists.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.disabledAt) {
    await db.$transaction(async (tx) => {
      await recordFailure(tx, keys, now);
      await recordAudit(tx, { actor: { ...actor, userId: user?.id ?? null }, action: "auth.sign_in_failed", targetType: "user", targetId: input.email });
    });
    const locked = await lockedFor(db, keys, now);
    const message = locked > 0 ? `${INVALID} Too many failed attempts: try again in ${describeWait(locked)}.` : INVALID;
    return { ok: false, reason: "invalid", message };
  }

  const token = await db.$transaction(async (tx) => {
    await clearFailures(tx, `account:${input.email}`);
    await recordAudit(tx, { actor: { ...actor, userId: user.id }, action: "auth.sign_in", targetType: "user", targetId: user.id });
    return createSession(tx, user.id, meta, now);
  });
  return { ok: true, token, userId: user.id };
}

export async function signOut(db: Db, token: string, ip: string, now: Date): Promise<void> {
  const user = await endSession(db, token, now);
  if (user)
    await recordAudit(db, { actor: { userId: user.userId, label: user.email, ip }, action: "auth.sign_out", targetType: "user", targetId: user.userId });
}
