import { COMMON_TIME_ZONES, type I18n, LANGUAGE_NAMES, LOCALES } from "@/lib/i18n";
import { withQueryParam } from "@/lib/text/query-params";
import { ApplyButton, CHOICE_SELECT_CLASS } from "./ChoiceControls";

/** `<link rel="alternate" hreflang>` for each language of this page, and the bare address as x-default. */
export function LanguageAlternates({ baseUrl, path }: { baseUrl: string; path: string }) {
  const bare = withQueryParam(withQueryParam(path, "lang", undefined), "tz", undefined);
  return (
    <>
      {LOCALES.map((locale) => (
        <link key={locale} rel="alternate" hrefLang={locale} href={`${baseUrl}${withQueryParam(bare, "lang", locale)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${baseUrl}${bare}`} />
    </>
  );
}

/**
 * The footer's language links (no JavaScript: `/lang` remembers the choice in a cookie and comes
 * back here with `?lang=`) and time-zone menu (with JavaScript the enhance script keeps the zone in
 * localStorage; without, the form asks for this page with `?tz=`, rendered in that zone).
 */
export function ReaderChoices({ path, i18n }: { path: string; i18n: I18n }) {
  const url = new URL(path, "http://x");
  const back = withQueryParam(path, "lang", undefined);
  const zones: readonly string[] =
    i18n.choice.tz && !(COMMON_TIME_ZONES as readonly string[]).includes(i18n.choice.tz) ? [i18n.choice.tz, ...COMMON_TIME_ZONES] : COMMON_TIME_ZONES;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2" data-reader-choices="">
      <nav aria-label={i18n.t("site.language")}>
        <ul className="flex flex-wrap gap-3">
          {LOCALES.map((locale) => (
            <li key={locale}>
              <a
                className="underline"
                lang={locale}
                hrefLang={locale}
                href={`/lang?${new URLSearchParams({ set: locale, return: back })}`}
                aria-current={locale === i18n.locale ? "true" : undefined}
              >
                {LANGUAGE_NAMES[locale]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={url.pathname} className="flex flex-wrap items-center gap-2" data-tz-form="">
        {[...url.searchParams].map(([name, value]) => (name === "tz" ? null : <input key={name} type="hidden" name={name} value={value} />))}
        <label htmlFor="reader-tz">{i18n.t("site.timeZone")}</label>
        <select id="reader-tz" name="tz" defaultValue={i18n.choice.tz ?? ""} className={CHOICE_SELECT_CLASS}>
          <option value="">{i18n.t("site.timeZoneAuto")}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <ApplyButton>{i18n.t("site.apply")}</ApplyButton>
      </form>
    </div>
  );
}
