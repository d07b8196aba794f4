// Settings an admin can change in the app, stored as Setting rows that override the environment's
// defaults. Today: after how many minutes without a public update an open incident is flagged stale.
import type { Db } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/runtime/env";
import { saveSetting } from "@/lib/settings/save";
import { staleAfterMinutesSchema, type SettingsInput } from "@/lib/validation/settings";

export const STALE_AFTER_KEY = "staleAfterMinutes";

export interface StaleAfter {
  minutes: number;
  /** "setting" when an admin set it in the app; "default" when it comes from the environment. */
  source: "setting" | "default";
  defaultMinutes: number;
}

export async function staleAfterMinutes(db: Db, env = loadEnv()): Promise<StaleAfter> {
  const row = await db.setting.findUnique({ where: { key: STALE_AFTER_KEY } });
  // A stored value that no longer validates falls back to the default rather than breaking the dashboard.
  const stored = row ? staleAfterMinutesSchema.safeParse(row.value) : null;
  const defaultMinutes = env.staleAfterMinutes;
  return stored?.success ? { minutes: stored.data, source: "setting", defaultMinutes } : { minutes: defaultMinutes, source: "default", defaultMinutes };
}

export async function updateSettings(db: Db, actor: Actor | null, input: SettingsInput): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction((tx) => saveSetting(tx, admin, STALE_AFTER_KEY, input.staleAfterMinutes));
}
