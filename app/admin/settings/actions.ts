"use server";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { updateSettings } from "@/lib/admin/settings";
import { updateWorkingHours } from "@/lib/admin/working-hours";
import { settingsFormSchema } from "@/lib/validation/settings";
import { workingHoursFormSchema } from "@/lib/validation/working-hours";

export const updateSettingsAction = formAction("admin", settingsFormSchema, (input, actor) => updateSettings(db(), actor, input));

export const updateWorkingHoursAction = formAction("admin", workingHoursFormSchema, (hours, actor) => updateWorkingHours(db(), actor, hours));
