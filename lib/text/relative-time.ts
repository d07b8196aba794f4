// "about a year ago" — how long ago (or until) a time is, in the words a status page uses.
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/timeline/dates";

const MONTH = 30 * DAY_MS;
const YEAR = 365 * DAY_MS;

function distance(ms: number): string {
  if (ms < 45_000) return "less than a minute";
  if (ms < 45 * MINUTE_MS) {
    const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
    return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  }
  if (ms < 90 * MINUTE_MS) return "about an hour";
  if (ms < DAY_MS) return `about ${Math.round(ms / HOUR_MS)} hours`;
  if (ms < 42 * HOUR_MS) return "1 day";
  if (ms < MONTH) return `${Math.round(ms / DAY_MS)} days`;
  if (ms < 45 * DAY_MS) return "about a month";
  if (ms < YEAR) return `${Math.max(2, Math.round(ms / MONTH))} months`;
  const years = Math.floor(ms / YEAR);
  const rest = ms - years * YEAR;
  if (rest < 3 * MONTH) return years === 1 ? "about a year" : `about ${years} years`;
  if (rest < 9 * MONTH) return years === 1 ? "over a year" : `over ${years} years`;
  return `almost ${years + 1} years`;
}

export function relativeTime(date: Date, now: Date): string {
  const delta = now.getTime() - date.getTime();
  return delta >= 0 ? `${distance(delta)} ago` : `in ${distance(-delta)}`;
}
