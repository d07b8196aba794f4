// The admin's choice of the page's default language (/admin/settings).
import * as z from "zod";
import { localeSchema } from "@/lib/i18n";

export const pageLanguageFormSchema = z.object({ language: localeSchema });
export type PageLanguageInput = z.infer<typeof pageLanguageFormSchema>;
