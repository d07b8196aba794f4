// A page's language and time zone as one object (`I18n`): its fixed texts (`t`), times, durations,
// relative words and numbers formatted with `Intl` for the language, and the links that keep the
// reader's choice. Pure: no clock (pass `now`), no I/O. Made once per language × zone and kept.
import { DEFAULT_LOCALE, type Locale, type ReaderChoice } from "./locales";
import { type MessageKey, type MessageValues, t, tParts } from "./messages";

export {
  COMMON_TIME_ZONES,
  DEFAULT_LOCALE,
  LANGUAGE_NAMES,
  LOCALES,
  type Locale,
  localeSchema,
  PAGE_LANGUAGE_SETTING,
  type ReaderChoice,
  timeZoneSchema,
} from "./locales";
export { CATALOGS, type MessageKey, t } from "./messages";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

export interface I18n {
  locale: Locale;
  /** The zone times are written in: UTC unless the reader chose one by address. */
  timeZone: string;
  /** What the address asked for: kept on every internal link. */
  choice: ReaderChoice;
  t(key: MessageKey, values?: MessageValues): string;
  /** A message with non-text placeholders (page elements), as parts. */
  parts<T>(key: MessageKey, values: Record<string, string | number | T>): (string | T)[];
  /** "Jun 30, 2012 03:49 UTC", "30. Juni 2012, 05:49 MESZ". */
  time(date: Date): string;
  /** "about 5 hours ago", "vor etwa 5 Stunden". */
  relative(date: Date, now: Date): string;
  /** "5h 8m", "5 Stunden, 8 Minuten": the two largest units, like the timeline core's durations. */
  duration(ms: number): string;
  /** The month a history section covers (months are cut in UTC). */
  month(monthStart: Date): string;
  /** "99.95%", "99,95 %". */
  percent(value: number): string;
  /** A path on this site with the reader's choice kept (`/history?lang=de`). */
  href(path: string): string;
}

type DurationUnit = "duration.days" | "duration.hours" | "duration.minutes";

/** The two largest units of a duration, e.g. [["hours", 5], ["minutes", 8]]; the smaller is left out when it is 0. */
function durationParts(ms: number): [DurationUnit, number][] {
  const totalMinutes = Math.floor(ms / MINUTE);
  const units: [DurationUnit, number][] = [
    ["duration.days", Math.floor(totalMinutes / (24 * 60))],
    ["duration.hours", Math.floor(totalMinutes / 60) % 24],
    ["duration.minutes", totalMinutes % 60],
  ];
  const largest = units.findIndex(([, count]) => count > 0);
  if (largest === -1) return [units[2]!];
  return units.slice(largest, largest + 2).filter(([, count], index) => index === 0 || count > 0);
}

/** How far apart two times are, in the words a status page uses ("about an hour", "over 2 years"). */
function distance(ms: number): [MessageKey, number] {
  if (ms < 45_000) return ["relative.underMinute", 0];
  if (ms < 45 * MINUTE) return ["relative.minutes", Math.max(1, Math.round(ms / MINUTE))];
  if (ms < 90 * MINUTE) return ["relative.aboutHours", 1];
  if (ms < DAY) return ["relative.aboutHours", Math.round(ms / HOUR)];
  if (ms < 42 * HOUR) return ["relative.days", 1];
  if (ms < MONTH) return ["relative.days", Math.round(ms / DAY)];
  if (ms < 45 * DAY) return ["relative.months", 1];
  if (ms < YEAR) return ["relative.months", Math.max(2, Math.round(ms / MONTH))];
  const years = Math.floor(ms / YEAR);
  const rest = ms - years * YEAR;
  if (rest < 3 * MONTH) return ["relative.aboutYears", years];
  if (rest < 9 * MONTH) return ["relative.overYears", years];
  return ["relative.almostYears", years + 1];
}

function timeFormatter(locale: Locale, timeZone: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  if (locale !== "en") return (date) => format.format(date);
  // English keeps the page's established form, "Jun 30, 2012 03:49 UTC".
  return (date) => {
    const part = Object.fromEntries(format.formatToParts(date).map((piece) => [piece.type, piece.value]));
    return `${part.month} ${part.day}, ${part.year} ${part.hour}:${part.minute} ${part.timeZoneName}`;
  };
}

function withQuery(path: string, query: string): string {
  if (!query) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

function make(locale: Locale, choice: ReaderChoice): I18n {
  const timeZone = choice.tz ?? "UTC";
  const time = timeFormatter(locale, timeZone);
  const months = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" });
  const list = new Intl.ListFormat(locale, { type: "unit", style: "narrow" });
  const percents = [0, 2].map((digits) => new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const kept = new URLSearchParams(Object.entries(choice).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  const translate = (key: MessageKey, values?: MessageValues) => t(locale, key, values);
  return {
    locale,
    timeZone,
    choice,
    t: translate,
    parts: (key, values) => tParts(locale, key, values),
    time,
    relative(date, now) {
      const delta = now.getTime() - date.getTime();
      const [key, count] = distance(Math.abs(delta));
      return translate(key, { count, direction: delta >= 0 ? "past" : "future" });
    },
    duration(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`duration must be a non-negative number of ms, got ${ms}`);
      if (ms === 0) return translate("duration.none");
      if (ms < MINUTE) return translate("duration.underMinute");
      return list.format(durationParts(ms).map(([key, count]) => translate(key, { count })));
    },
    month: (monthStart) => months.format(monthStart),
    percent: (value) => percents[value === 100 ? 0 : 1]!.format(value / 100),
    href: (path) => withQuery(path, kept),
  };
}

const made = new Map<string, I18n>();

/** The page's I18n for a reader's choice; the page's default language when none was asked for. */
export function i18nFor(choice: ReaderChoice = {}, defaultLocale: Locale = DEFAULT_LOCALE): I18n {
  const locale = choice.lang ?? defaultLocale;
  const id = `${locale} ${choice.lang ?? ""} ${choice.tz ?? ""}`;
  let i18n = made.get(id);
  if (!i18n) {
    i18n = make(locale, choice);
    made.set(id, i18n);
  }
  return i18n;
}

/** English in UTC: the admin side (which stays English) and every renderer given no choice. */
export const ENGLISH = i18nFor();
