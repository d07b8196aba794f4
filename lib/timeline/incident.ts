import { timeOf } from "./dates";
import { measureWindow } from "./durations";
import { incidentEffects, incidentIntervals } from "./effects";
import { rollUpIntervals } from "./rollup";
import { worstState } from "./states";
import type { ComponentDurations, IncidentState, TimelineComponent, TimelineIncident } from "./types";

export function incidentState(incident: TimelineIncident, now: Date): IncidentState {
  const { posts, segments, window, endMs } = incidentEffects(incident, now);
  const firstPost = posts[0];
  const lastPost = posts[posts.length - 1];
  // A maintenance starts with its window, however early it was announced.
  const startMs = Number.isFinite(window.start) ? window.start : (firstPost?.postedAt.getTime() ?? timeOf(incident.openedAt, "openedAt"));
  return {
    open: endMs === null,
    current: worstState(...segments.filter((segment) => segment.running).map((segment) => segment.state)),
    worst: worstState(...segments.map((segment) => segment.state)),
    startedAt: new Date(startMs),
    endedAt: endMs === null ? null : new Date(endMs),
    lastPostAt: lastPost ? lastPost.postedAt : null,
  };
}

/**
 * Time per state for every component the incident affected, plus each system it affected through a
 * sub-component (rule 9). Green is the rest of the incident's span [startedAt, endedAt ?? now).
 * Ordered: systems by position, then sub-components by position, then ids unknown to `components`.
 */
export function incidentDurations(incident: TimelineIncident, components: readonly TimelineComponent[], now: Date): ComponentDurations[] {
  const { startedAt, endedAt } = incidentState(incident, now);
  const spanEnd = (endedAt ?? now).getTime();
  const affected: ComponentDurations[] = [];
  for (const [componentId, intervals] of rollUpIntervals(incidentIntervals(incident, now), components)) {
    if (intervals.length === 0) continue;
    const { durations } = measureWindow(intervals, startedAt.getTime(), spanEnd);
    affected.push({ componentId, durations, intervals });
  }
  const rank = displayRank(components);
  return affected.sort((a, b) => compareRanks(rank.get(a.componentId), rank.get(b.componentId)) || a.componentId - b.componentId);
}

type Rank = [tier: number, position: number];

function displayRank(components: readonly TimelineComponent[]): Map<number, Rank> {
  return new Map(components.map((component) => [component.id, [component.parentId === null ? 0 : 1, component.position]]));
}

function compareRanks(a: Rank | undefined, b: Rank | undefined): number {
  const [tierA, positionA] = a ?? [2, 0];
  const [tierB, positionB] = b ?? [2, 0];
  return tierA - tierB || positionA - positionB;
}
