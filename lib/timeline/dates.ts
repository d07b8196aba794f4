// Lengths of time in milliseconds, defined once for the whole code base.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Invalid Dates would otherwise compare as NaN and silently drop out of every sort and sum. */
export function timeOf(value: Date, label: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`${label} must be a valid Date`);
  return ms;
}
