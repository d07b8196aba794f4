// Times, durations, relative words and numbers per language and zone; the reader's choice validated.
import { describe, expect, it } from "vitest";
import { i18nFor, localeSchema, timeZoneSchema } from "@/lib/i18n";

const OUTAGE_START = new Date("2012-06-30T03:49:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("times", () => {
  it("are UTC by default, in each language's own form", () => {
    expect(i18nFor({ lang: "en" }).time(OUTAGE_START)).toBe("Jun 30, 2012 03:49 UTC");
    expect(i18nFor({ lang: "de" }).time(OUTAGE_START)).toBe("30. Juni 2012, 03:49 UTC");
    expect(i18nFor({ lang: "fr" }).time(OUTAGE_START)).toBe("30 juin 2012, 03:49 UTC");
    expect(i18nFor({ lang: "es" }).time(OUTAGE_START)).toBe("30 jun 2012, 03:49 UTC");
    expect(i18nFor({ lang: "ja" }).time(OUTAGE_START)).toBe("2012年6月30日 03:49 UTC");
  });

  it("are in the chosen zone, with its abbreviation or offset", () => {
    expect(i18nFor({ tz: "Europe/Berlin" }).time(OUTAGE_START)).toBe("Jun 30, 2012 05:49 GMT+2");
    expect(i18nFor({ lang: "de", tz: "Europe/Berlin" }).time(OUTAGE_START)).toBe("30. Juni 2012, 05:49 MESZ");
    expect(i18nFor({ tz: "America/New_York" }).time(OUTAGE_START)).toBe("Jun 29, 2012 23:49 EDT");
    expect(i18nFor({ lang: "ja", tz: "Asia/Tokyo" }).time(OUTAGE_START)).toBe("2012年6月30日 12:49 JST");
  });

  it("name history months in the language", () => {
    expect(i18nFor({ lang: "fr" }).month(new Date("2026-11-01T00:00:00Z"))).toBe("novembre 2026");
    expect(i18nFor({ lang: "es" }).month(new Date("2026-11-01T00:00:00Z"))).toBe("noviembre de 2026");
  });
});

describe("durations", () => {
  const fiveEight = 5 * HOUR + 8 * MIN;
  it.each([
    ["en", "5h 8m", "2d 1h", "< 1m"],
    ["de", "5 Stunden, 8 Minuten", "2 Tage, 1 Stunde", "unter 1 Minute"],
    ["fr", "5 heures 8 minutes", "2 jours 1 heure", "moins d’une minute"],
    ["es", "5 horas 8 minutos", "2 días 1 hora", "menos de 1 minuto"],
    ["ja", "5時間8分", "2日1時間", "1分未満"],
  ] as const)("in %s read %s", (lang, hoursMinutes, daysHours, underMinute) => {
    const i18n = i18nFor({ lang });
    expect(i18n.duration(fiveEight)).toBe(hoursMinutes);
    expect(i18n.duration(2 * DAY + HOUR)).toBe(daysHours);
    expect(i18n.duration(30_000)).toBe(underMinute);
  });

  it("show the two largest units, leaving out a smaller one that is zero", () => {
    const english = i18nFor({ lang: "en" });
    expect(english.duration(2 * DAY)).toBe("2d");
    expect(english.duration(2 * DAY + 5 * MIN)).toBe("2d");
    expect(english.duration(3 * HOUR)).toBe("3h");
    expect(english.duration(DAY + 23 * HOUR + 59 * MIN)).toBe("1d 23h");
    expect(english.duration(59 * MIN)).toBe("59m");
    expect(english.duration(MIN)).toBe("1m");
  });

  it("refuses a negative duration", () => {
    expect(() => i18nFor().duration(-1)).toThrow(RangeError);
  });
});

describe("relative words", () => {
  const now = new Date("2013-07-01T12:00:00Z");
  it.each([
    ["de", 5 * HOUR, "vor etwa 5 Stunden"],
    ["de", 3 * DAY, "vor 3 Tagen"],
    ["de", -3 * DAY, "in 3 Tagen"],
    ["fr", 47 * MIN, "il y a environ une heure"],
    ["fr", 366 * DAY, "il y a environ un an"],
    ["es", 100 * DAY, "hace 3 meses"],
    ["es", -MIN, "dentro de 1 minuto"],
    ["ja", 10_000, "1分以内"],
    ["ja", 2 * 365 * DAY + 300 * DAY, "3年近く前"],
  ] as const)("in %s, %i ms ago reads %s", (lang, ago, expected) => {
    expect(i18nFor({ lang }).relative(new Date(now.getTime() - ago), now)).toBe(expected);
  });
});

describe("numbers and links", () => {
  it("write percentages as the language does", () => {
    expect(i18nFor().percent(99.95)).toBe("99.95%");
    expect(i18nFor().percent(100)).toBe("100%");
    expect(i18nFor({ lang: "de" }).percent(99.95)).toBe("99,95\u00a0%");
  });

  it("keep the reader's choice on internal links, and nothing when there is none", () => {
    expect(i18nFor().href("/history")).toBe("/history");
    expect(i18nFor({}, "de").href("/history")).toBe("/history");
    expect(i18nFor({ lang: "de" }).href("/history?page=2")).toBe("/history?page=2&lang=de");
    expect(i18nFor({ lang: "ja", tz: "Asia/Tokyo" }).href("/")).toBe("/?lang=ja&tz=Asia%2FTokyo");
  });

  it("speak the page's default language when the address names none", () => {
    expect(i18nFor({}, "fr").locale).toBe("fr");
    expect(i18nFor({ lang: "es" }, "fr").locale).toBe("es");
  });
});

describe("the reader's choice", () => {
  it("accepts the five languages only", () => {
    for (const lang of ["en", "de", "fr", "es", "ja"]) expect(localeSchema.safeParse(lang).success).toBe(true);
    for (const lang of ["EN", "de-DE", "xx", "", "__proto__"]) expect(localeSchema.safeParse(lang).success).toBe(false);
  });

  it("accepts IANA time zones and UTC, nothing else", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Asia/Kolkata"]) expect(timeZoneSchema.safeParse(zone).success).toBe(true);
    for (const zone of ["Mars/Olympus", "+02:00", "Europe/Berlin/x", "", "x".repeat(100)]) expect(timeZoneSchema.safeParse(zone).success).toBe(false);
  });

  it("names each zone one way, so spellings of a zone cannot multiply cached answers", () => {
    expect(timeZoneSchema.parse("europe/BERLIN")).toBe("Europe/Berlin");
    expect(timeZoneSchema.parse("Asia/Kolkata")).toBe(timeZoneSchema.parse("Asia/Calcutta"));
  });
});
