// Calendar periods in a time zone: ISO weeks (from Monday), months and quarters, each a half-open
// span [start, end) of instants whose local midnights come from zoned-time.ts.
import { addDays, type CalendarDate, compareDates, dayNumber, firstOfMonthAfter, localTime, zonedInstant } from "./zoned-time";

export const PERIOD_KINDS = ["week", "month", "quarter"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** "2026-W48", "2026-11", "2026-Q4". */
  label: string;
  start: Date;
  end: Date;
}

/** The first local day of the period that contains `date`. */
function periodStart(kind: PeriodKind, date: CalendarDate): CalendarDate {
  if (kind === "week") {
    const weekday = isoWeekday(date);
    return addDays(date, 1 - weekday);
  }
  const firstMonth = kind === "quarter" ? date.month - ((date.month - 1) % 3) : date.month;
  return { year: date.year, month: firstMonth, day: 1 };
}

function nextPeriodStart(kind: PeriodKind, start: CalendarDate): CalendarDate {
  if (kind === "week") return addDays(start, 7);
  return firstOfMonthAfter(start, kind === "quarter" ? 3 : 1);
}

/** ISO weekday of a calendar date, independent of any zone (day 0 of the epoch was a Thursday). */
function isoWeekday(date: CalendarDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-year and week: a week belongs to the year of its Thursday; week 1 holds 4 January. */
function isoWeekLabel(monday: CalendarDate): string {
  const thursday = addDays(monday, 3);
  const weekOne = periodStart("week", { year: thursday.year, month: 1, day: 4 });
  const week = (dayNumber(monday) - dayNumber(weekOne)) / 7 + 1;
  return `${thursday.year}-W${String(week).padStart(2, "0")}`;
}

function labelOf(kind: PeriodKind, start: CalendarDate): string {
  if (kind === "week") return isoWeekLabel(start);
  if (kind === "quarter") return `${start.year}-Q${(start.month - 1) / 3 + 1}`;
  return `${start.year}-${String(start.month).padStart(2, "0")}`;
}

/**
 * Every period from the one containing local date `first` to the one containing `last`, in order;
 * past `limit` it stops after one more, so a caller learns a range is too long without building it.
 */
export function periodsBetween(kind: PeriodKind, first: CalendarDate, last: CalendarDate, timeZone: string, limit = Number.POSITIVE_INFINITY): Period[] {
  const periods: Period[] = [];
  for (let start = periodStart(kind, first); compareDates(start, last) <= 0 && periods.length <= limit; ) {
    const next = nextPeriodStart(kind, start);
    periods.push({ label: labelOf(kind, start), start: zonedInstant(start, timeZone), end: zonedInstant(next, timeZone) });
    start = next;
  }
  return periods;
}

/** The `count` periods up to and including the one that contains `now`. */
export function recentPeriods(kind: PeriodKind, count: number, now: Date, timeZone: string): Period[] {
  const today = localTime(now, timeZone);
  let first = periodStart(kind, today);
  for (let index = 1; index < count; index++) first = periodStart(kind, addDays(first, -1));
  return periodsBetween(kind, first, today, timeZone);
}
