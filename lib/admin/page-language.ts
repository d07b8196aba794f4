// The page's default language: what the public pages and feeds speak when the address names none
// (readers switch with `?lang=`, lib/public/language.ts). English is the default and stores no row.
import { authorize, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { DEFAULT_LOCALE, type Locale, localeSchema, PAGE_LANGUAGE_SETTING } from "@/lib/i18n";
import { saveSetting } from "@/lib/settings/save";
import type { PageLanguageInput } from "@/lib/validation/page-language";

export async function loadPageLanguage(db: Db): Promise<Locale> {
  const row = await db.setting.findUnique({ where: { key: PAGE_LANGUAGE_SETTING } });
  return localeSchema.catch(DEFAULT_LOCALE).parse(row?.value);
}

export async function updatePageLanguage(db: Db, actor: Actor | null, input: PageLanguageInput): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction((tx) =>
    saveSetting(tx, admin, PAGE_LANGUAGE_SETTING, input.language === DEFAULT_LOCALE ? null : input.language, { field: "language" }),
  );
  // Every cached page was made in the old language.
  invalidatePublicViews();
}
