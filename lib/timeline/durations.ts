import type { StateDurations, StateInterval } from "./types";

export function emptyDurations(): StateDurations {
  return { green: 0, blue: 0, yellow: 0, red: 0 };
}

export interface MeasuredWindow {
  durations: StateDurations;
  measuredMs: number;
  /** Index into the timeline where a later window can resume, keeping day-by-day sweeps linear. */
  resumeAt: number;
}

/**
 * Time in each state within [start, end). `timeline` must be sorted and non-overlapping (see worstWins).
 * Green is the rest of the window: whatever no non-green interval covers.
 */
export function measureWindow(timeline: readonly StateInterval[], start: number, end: number, resumeAt = 0): MeasuredWindow {
  const durations = emptyDurations();
  const measuredMs = Math.max(0, end - start);
  let index = resumeAt;
  while (index < timeline.length && (timeline[index]?.end.getTime() ?? end) <= start) index++;
  for (let cursor = index; cursor < timeline.length; cursor++) {
    const interval = timeline[cursor];
    if (!interval || interval.start.getTime() >= end) break;
    const overlap = Math.min(interval.end.getTime(), end) - Math.max(interval.start.getTime(), start);
    if (overlap > 0 && interval.state !== "green") durations[interval.state] += overlap;
  }
  durations.green = measuredMs - durations.blue - durations.yellow - durations.red;
  return { durations, measuredMs, resumeAt: index };
}

/** Rule 8: only red is downtime; blue (maintenance) and yellow (degraded) are not. */
export function uptimeFromRed(redMs: number, measuredMs: number): number {
  return measuredMs > 0 ? 100 * (1 - redMs / measuredMs) : 100;
}
