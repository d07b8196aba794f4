// Wall-clock time in a named time zone, with the platform's own tz database (Intl): no date
// library. Offsets are read per instant, so every conversion is right on both sides of a DST change.
import { DAY_MS, MINUTE_MS } from "@/lib/timeline/dates";

/** A calendar date as people write it: month 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime extends CalendarDate {
  /** ISO: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    } as const;
    formatter = new Intl.DateTimeFormat("en-US", options);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone ("Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock time read as if it were UTC, in ms (seconds included, so offsets are exact). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instant % 1000);
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/**
 * The instant when the zone's clocks show `minuteOfDay` on `date`. Two offset readings settle it;
 * a time a DST change skips (02:30 on a spring-forward night) lands one hour later, on 03:30.
 */
export function zonedInstant(date: CalendarDate, timeZone: string, minuteOfDay = 0): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS;
  const firstGuess = wall - (wallClockMs(wall, timeZone) - wall);
  return new Date(wall - (wallClockMs(firstGuess, timeZone) - firstGuess));
}

/** Days since 1970-01-01 of a calendar date, zone aside. */
export function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

/** Calendar arithmetic on dates alone (no zone): `days` later, or `months` later on day 1. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date((dayNumber(date) + days) * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function firstOfMonthAfter(date: CalendarDate, months: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: 1 };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
