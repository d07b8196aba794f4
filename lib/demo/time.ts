import { MINUTE_MS } from "@/lib/timeline/dates";

/** A UTC instant; `month` is 1-based as people write it. */
export function utc(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE_MS);
}

export function floorTo(date: Date, unitMs: number): Date {
  return new Date(Math.floor(date.getTime() / unitMs) * unitMs);
}

export function ceilTo(date: Date, unitMs: number): Date {
  return new Date(Math.ceil(date.getTime() / unitMs) * unitMs);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "Wed 25 Nov 2026, 10:00–12:00 UTC", as a maintenance announcement states its window. */
export function formatWindow(start: Date, end: Date): string {
  const time = (date: Date) => date.toISOString().slice(11, 16);
  const day = `${WEEKDAYS[start.getUTCDay()]} ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
  return `${day}, ${time(start)}–${time(end)} UTC`;
}
