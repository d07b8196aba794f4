// The "Language" section of /admin/settings: the language the public pages speak by default.
import { loadPageLanguage } from "@/lib/admin/page-language";
import { db } from "@/lib/db/client";
import { LANGUAGE_NAMES, LOCALES } from "@/lib/i18n";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { updatePageLanguageAction } from "./language-actions";

export async function PageLanguage() {
  const language = await loadPageLanguage(db());
  return (
    <AdminSection id="page-language-heading" title="Language of the public page">
      <p>
        What the public pages and feeds speak when the address names no language. Readers can still switch with the links in the page&apos;s footer; their
        choice is remembered in their browser. Post bodies stay as written, and the JSON APIs keep their machine values.
      </p>
      <AdminForm
        action={updatePageLanguageAction}
        submitLabel="Save language"
        idPrefix="language-"
        fields={[
          {
            kind: "select",
            name: "language",
            label: "Default language",
            value: language,
            options: LOCALES.map((locale) => [locale, LANGUAGE_NAMES[locale]] as const),
          },
        ]}
      />
    </AdminSection>
  );
}
