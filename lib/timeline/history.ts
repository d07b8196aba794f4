import { DAY_MS, timeOf } from "./dates";
import { measureWindow, uptimeFromRed } from "./durations";
import { worstWins } from "./merge";
import { worstState } from "./states";
import { COMPONENT_STATES, type DayHistory, type HistoryOptions, type StateInterval, type UptimeWindow } from "./types";

/**
 * One entry per UTC day from `from` for `days` days. Only time up to `now` is measured, so a day
 * entirely in the future has measuredMs 0, worst green and uptime 100.
 */
export function dailyHistory(intervals: readonly StateInterval[], componentId: number, { from, days, now }: HistoryOptions): DayHistory[] {
  const fromMs = timeOf(from, "from");
  const nowMs = timeOf(now, "now");
  if (fromMs % DAY_MS !== 0) throw new RangeError(`from must be a UTC midnight, got ${from.toISOString()}`);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);

  // Callers may pass raw or multi-component intervals; merge so overlaps are not counted twice.
  const timeline = worstWins(
    intervals.filter((interval) => interval.componentId === componentId),
    componentId,
  );
  const history: DayHistory[] = [];
  let resumeAt = 0;
  for (let index = 0; index < days; index++) {
    const dayStart = fromMs + index * DAY_MS;
    const measured = measureWindow(timeline, dayStart, Math.min(dayStart + DAY_MS, nowMs), resumeAt);
    resumeAt = measured.resumeAt;
    history.push({
      day: new Date(dayStart).toISOString().slice(0, 10),
      durations: measured.durations,
      worst: worstState(...COMPONENT_STATES.filter((state) => measured.durations[state] > 0)),
      uptimePercent: uptimeFromRed(measured.durations.red, measured.measuredMs),
      measuredMs: measured.measuredMs,
    });
  }
  return history;
}

/** Rule 8: 100 × (1 − red time / window length), the window clipped to `now`; pass one component's intervals. */
export function uptimePercent(intervals: readonly StateInterval[], { start, end, now }: UptimeWindow): number {
  const startMs = timeOf(start, "start");
  const endMs = Math.min(timeOf(end, "end"), timeOf(now, "now"));
  const timeline = worstWins(intervals, intervals[0]?.componentId ?? 0);
  const { durations, measuredMs } = measureWindow(timeline, startMs, endMs);
  return uptimeFromRed(durations.red, measuredMs);
}
