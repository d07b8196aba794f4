import { MINUTE_MS } from "./dates";

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/**
 * Compact duration used everywhere: "5h", "1h 30m", "45m", "2d 3h", "< 1m", "0m".
 * Two units at most, lower units truncated, so a duration is never overstated.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`duration must be a non-negative number of ms, got ${ms}`);
  if (ms === 0) return "0m";
  if (ms < MINUTE_MS) return "< 1m";
  const totalMinutes = Math.floor(ms / MINUTE_MS);
  const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
  const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR) % 24;
  const minutes = totalMinutes % MINUTES_PER_HOUR;
  if (days > 0) return withOptionalUnit(`${days}d`, hours, "h");
  if (hours > 0) return withOptionalUnit(`${hours}h`, minutes, "m");
  return `${minutes}m`;
}

function withOptionalUnit(major: string, minor: number, unit: string): string {
  return minor > 0 ? `${major} ${minor}${unit}` : major;
}
