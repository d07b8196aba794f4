// "about a year ago" — how long ago (or until) a time is, in the words a status page uses.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

function distance(ms: number): string {
  if (ms < 45_000) return "less than a minute";
  if (ms < 45 * MINUTE) {
    const minutes = Math.max(1, Math.round(ms / MINUTE));
    return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  }
  if (ms < 90 * MINUTE) return "about an hour";
  if (ms < DAY) return `about ${Math.round(ms / HOUR)} hours`;
  if (ms < 42 * HOUR) return "1 day";
  if (ms < MONTH) return `${Math.round(ms / DAY)} days`;
  if (ms < 45 * DAY) return "about a month";
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
