// Absolute times as customers read them in the HTML: always UTC, e.g. "Jun 30, 2012 03:49 UTC".
const utcFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatUtc(date: Date): string {
  const parts = Object.fromEntries(utcFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.month} ${parts.day}, ${parts.year} ${parts.hour}:${parts.minute} UTC`;
}
