// The working hours the metrics count "out of hours" against, kept in the Setting table and
// changed by admins (audited like every setting).
import type { Db } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/roles";
import { saveSetting } from "@/lib/settings/save";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "@/lib/metrics/working-hours";
import { workingHoursSchema } from "@/lib/validation/working-hours";

export const WORKING_HOURS_KEY = "workingHours";

export interface StoredWorkingHours {
  hours: WorkingHours;
  /** "setting" when an admin set them; "default" for Monday–Friday 09:00–17:00 UTC. */
  source: "setting" | "default";
}

export async function loadWorkingHours(db: Db): Promise<StoredWorkingHours> {
  const row = await db.setting.findUnique({ where: { key: WORKING_HOURS_KEY } });
  // A stored value that no longer validates (a time zone the platform dropped) falls back to the default.
  const stored = row ? workingHoursSchema.safeParse(row.value) : null;
  return stored?.success ? { hours: stored.data, source: "setting" } : { hours: DEFAULT_WORKING_HOURS, source: "default" };
}

/** The stored shape: exactly the fields of working hours, nothing the form may have added. */
function canonical(hours: WorkingHours) {
  return { timeZone: hours.timeZone, days: hours.days.map((span) => (span ? { start: span.start, end: span.end } : null)) };
}

export async function updateWorkingHours(db: Db, actor: Actor | null, hours: WorkingHours): Promise<void> {
  const admin = authorize(actor, "admin");
  const value = canonical(hours);
  await db.$transaction((tx) => saveSetting(tx, admin, WORKING_HOURS_KEY, value));
}
