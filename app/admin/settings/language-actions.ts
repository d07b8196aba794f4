"use server";
import { updatePageLanguage } from "@/lib/admin/page-language";
import { formAction } from "@/lib/admin/form-action";
import { db } from "@/lib/db/client";
import { pageLanguageFormSchema } from "@/lib/validation/page-language";

export const updatePageLanguageAction = formAction("admin", pageLanguageFormSchema, (input, actor) => updatePageLanguage(db(), actor, input));
