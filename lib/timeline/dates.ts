export const DAY_MS = 24 * 60 * 60 * 1000;

/** Invalid Dates would otherwise compare as NaN and silently drop out of every sort and sum. */
export function timeOf(value: Date, label: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`${label} must be a valid Date`);
  return ms;
}
