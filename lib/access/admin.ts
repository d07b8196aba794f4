// The admin's side of a private site (/admin/settings): what is set, and one use-case that saves a
// change — audited without the password's hash — and makes every public answer anew.
import type { AccessConfig } from "@/lib/access/config";
import { ACCESS_SETTING, forgetAccessCopy, loadAccessConfig } from "@/lib/access/config";
import { hasWayIn } from "@/lib/access/gate";
import { readerCounts } from "@/lib/access/readers";
import { hashPassword } from "@/lib/auth/password";
import { type Actor, authorize } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { InputError } from "@/lib/errors/input-error";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { loadEnv } from "@/lib/runtime/env";
import { saveSetting } from "@/lib/settings/save";
import type { AccessFormInput } from "@/lib/validation/access";

export interface AccessOverview {
  config: Omit<AccessConfig, "passwordHash"> & { passwordSet: boolean };
  sessions: number;
  feedTokens: number;
  mailConfigured: boolean;
}

export async function accessOverview(db: Db, now: Date): Promise<AccessOverview> {
  const { passwordHash, ...config } = await loadAccessConfig(db);
  const counts = await readerCounts(db, { passwordHash, ...config }, now);
  return { config: { ...config, passwordSet: passwordHash !== null }, ...counts, mailConfigured: loadEnv().mail !== null };
}

/** The audit log says whether a password is set, never its hash. */
const audited = (value: unknown) => {
  if (!value || typeof value !== "object") return null;
  const { passwordHash, ...rest } = value as AccessConfig;
  return { ...rest, passwordSet: passwordHash !== null };
};

export async function updateAccess(db: Db, actor: Actor | null, input: AccessFormInput): Promise<void> {
  const admin = authorize(actor, "admin");
  const newHash = input.password ? await hashPassword(input.password) : null;
  await db.$transaction(async (tx) => {
    const current = await loadAccessConfig(tx);
    const passwordHash = input.removePassword ? null : (newHash ?? current.passwordHash);
    const next: AccessConfig = {
      private: input.private,
      passwordHash,
      emailDomains: input.emailDomains,
      ipRanges: input.ipRanges,
      // A new or removed password ends every reader's session.
      sessionEpoch: passwordHash !== current.passwordHash ? current.sessionEpoch + 1 : current.sessionEpoch,
      feedEpoch: input.rotateFeedTokens ? current.feedEpoch + 1 : current.feedEpoch,
    };
    if (next.private && !hasWayIn(next, loadEnv().mail !== null))
      throw new InputError("private", "Set a password, allowed IP ranges, or (with mail configured) email domains first: nobody could get in.");
    await saveSetting(tx, admin, ACCESS_SETTING, next, { field: "private", audited });
  });
  forgetAccessCopy();
  // Every kept answer was made for the old setting; the next ones carry the new headers.
  invalidatePublicViews();
}
