// Working hours: per ISO weekday a local span of the day (or none), in one time zone. Read through
// Intl per instant, so "09:00" means 09:00 on the local clock in winter and in summer alike.
import { localTime } from "./zoned-time";

/** Minutes since local midnight: [start, end). */
export interface DaySpan {
  start: number;
  end: number;
}

export interface WorkingHours {
  timeZone: string;
  /** Monday first: seven entries, null for a day off. */
  days: readonly (DaySpan | null)[];
}

const NINE_TO_FIVE: DaySpan = { start: 9 * 60, end: 17 * 60 };

/** What applies until an admin sets working hours: Monday to Friday 09:00–17:00 UTC. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timeZone: "UTC",
  days: [NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, null, null],
};

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function isWorkingTime(instant: Date, hours: WorkingHours): boolean {
  const local = localTime(instant, hours.timeZone);
  const span = hours.days[local.weekday - 1];
  return span != null && local.minuteOfDay >= span.start && local.minuteOfDay < span.end;
}
