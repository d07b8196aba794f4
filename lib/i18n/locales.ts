// The languages the public pages speak and the time zones they may show, with the schemas that
// validate a reader's choice (`?lang=de`, `?tz=Europe/Berlin`) at the edge.
import * as z from "zod";

export const LOCALES = ["en", "de", "fr", "es", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The Setting row holding the language an admin chose for the page (lib/admin/page-language.ts). */
export const PAGE_LANGUAGE_SETTING = "pageLanguage";

/** Each language named in itself, as a reader looking for theirs expects to find it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "Français", es: "Español", ja: "日本語" };

export const localeSchema = z.enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` });

// The IANA zones this runtime knows; Node lists "UTC" under Etc/ only, so it is added by name.
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** The runtime's name for a zone (aliases such as Asia/Kolkata and any letter case resolve to one), or null. */
function canonicalZone(zone: string): string | null {
  if (TIME_ZONES.has(zone)) return zone;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    return TIME_ZONES.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** An IANA zone, as its one canonical name: spellings of one zone share one cached answer. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .transform((zone, ctx) => {
    const canonical = canonicalZone(zone);
    if (canonical) return canonical;
    ctx.addIssue({ code: "custom", message: "must be a time zone such as Europe/Berlin or UTC" });
    return z.NEVER;
  });

/** A few zones offered in the footer's menu; any other valid zone works by address (`?tz=`). */
export const COMMON_TIME_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Moscow",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
] as const;

/** What a reader asked for in the address; absent parts fall back to the page's default language and UTC. */
export interface ReaderChoice {
  lang?: Locale;
  tz?: string;
}
