"use server";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { updateSettings } from "@/lib/admin/settings";
import { settingsFormSchema } from "@/lib/validation/settings";

export const updateSettingsAction = formAction("admin", settingsFormSchema, (input, actor) => updateSettings(db(), actor, input));
