// The first run as a use-case: the setup page's server action is a thin wrapper over this. It creates
// the first admin with the setup code printed at start (lib/auth/setup-code.ts) and signs them in.
// Two setups at once: exactly one wins. The transaction inserts the `setupCompleted` Setting row
// first; its key is unique, so a second transaction waits on it (PostgreSQL) or on the write lock
// (SQLite) and then fails, and it also checks that no user exists (one made by `npm run admin`).
import { recordAudit } from "@/lib/audit/log";
import { issueDeviceCookie } from "@/lib/auth/device";
import { hashPassword } from "@/lib/auth/password";
import { createSession, type RequestMeta } from "@/lib/auth/session";
import { deleteSetupCodes, hasUsers, setupCodeMatches } from "@/lib/auth/setup-code";
import { admitAttempt, describeWait, settleSuccess, sourceOf, type ThrottleKey } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import type { FirstAdminInput } from "@/lib/validation/auth";

const SETUP_DONE_KEY = "setupCompleted";
/** Wrong codes from one address before the sign-in throttle's growing waits begin. */
const SETUP_SOURCE_LIMIT = 5;

export type FirstAdminResult =
  | { ok: true; token: string; userId: number; deviceCookie: string }
  | { ok: false; reason: "done" | "throttled" | "wrong-code"; message: string };

export const ALREADY_SET_UP = "Beacon is already set up: sign in instead.";

class AlreadySetUp extends Error {}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** `secret`: SESSION_SECRET, which signs the known-device cookie. */
export async function createFirstAdmin(db: Db, input: FirstAdminInput, request: RequestMeta, now: Date, secret: string): Promise<FirstAdminResult> {
  if (await hasUsers(db)) return { ok: false, reason: "done", message: ALREADY_SET_UP };
  const keys: ThrottleKey[] = [{ key: `setup:${sourceOf(request.ip)}`, limit: SETUP_SOURCE_LIMIT, onSuccess: "clear" }];
  const admission = await admitAttempt(db, keys, now);
  if (!admission.admitted) return { ok: false, reason: "throttled", message: `Too many wrong setup codes. Try again in ${describeWait(admission.wait)}.` };
  if (!(await setupCodeMatches(db, input.code))) {
    await recordAudit(db, { actor: { userId: null, label: "setup", ip: request.ip }, action: "auth.setup_failed", targetType: "setup" });
    return { ok: false, reason: "wrong-code", message: "That setup code is not valid. Copy it from the server's log, or restart the server for a new one." };
  }

  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: SETUP_DONE_KEY, value: { at: now.toISOString() } } });
      if (await hasUsers(tx)) throw new AlreadySetUp();
      await deleteSetupCodes(tx);
      const user = await tx.user.create({ data: { email: input.email, name: input.name, role: "admin", passwordHash } });
      const actor = { userId: user.id, label: user.email, ip: request.ip };
      await recordAudit(tx, {
        actor,
        action: "user.create",
        targetType: "user",
        targetId: user.id,
        after: { email: user.email, role: user.role, via: "setup" },
      });
      await recordAudit(tx, { actor, action: "auth.sign_in", targetType: "user", targetId: user.id });
      return { userId: user.id, token: await createSession(tx, user.id, request, now) };
    });
    await settleSuccess(db, keys);
    return { ok: true, ...created, deviceCookie: issueDeviceCookie(secret, created.userId) };
  } catch (error) {
    if (error instanceof AlreadySetUp || isUniqueViolation(error)) return { ok: false, reason: "done", message: ALREADY_SET_UP };
    throw error;
  }
}
