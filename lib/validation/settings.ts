// Settings admins change in the app. Each has a zod schema for its stored value and its form field.
import * as z from "zod";

export const staleAfterMinutesSchema = z.coerce
  .number({ error: "Enter a whole number of minutes." })
  .int("Enter a whole number of minutes.")
  .min(1, "Use at least 1 minute.")
  .max(10_080, "Use at most 10080 minutes (a week).");

/** An empty field removes the override: the server's default (BEACON_STALE_AFTER_MINUTES) applies again. */
export const settingsFormSchema = z.object({
  staleAfterMinutes: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), staleAfterMinutesSchema.nullable()),
});
export type SettingsInput = z.infer<typeof settingsFormSchema>;
