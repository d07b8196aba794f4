// What the metrics know about one incident: when it really began (the first signal, public or
// internal), how long customers waited for the first post, how long it lasted, how bad it got.
import { incidentDurations, incidentState, sortPosts, worstState } from "@/lib/timeline";
import { COMPONENT_STATES, type ComponentState, type TimelineComponent, type TimelineIncident } from "@/lib/timeline/types";
import { isWorkingTime, type WorkingHours } from "./working-hours";

export interface IncidentFacts {
  incident: TimelineIncident;
  /** The earliest of its opening, its first post and its first internal event or alert. */
  startedAt: Date;
  /** Its first public post (normally Investigating); null when none has been published by now. */
  firstPublicPostAt: Date | null;
  /** The Resolved post; null while open. */
  resolvedAt: Date | null;
  /** Highest state it put the chosen component (or any component) in; green when it set none. */
  worst: ComponentState;
  timeToFirstPostMs: number | null;
  timeToResolveMs: number | null;
  outOfHours: boolean;
}

export interface FactsOptions {
  components: readonly TimelineComponent[];
  /** Incident id → its earliest internal event or alert, where the internal timeline has one. */
  firstSignals: ReadonlyMap<number, Date>;
  workingHours: WorkingHours;
  /** Only this component (a system includes its sub-components); null for all. */
  componentId: number | null;
  now: Date;
}

export function incidentFacts(incident: TimelineIncident, options: FactsOptions): IncidentFacts {
  const { now } = options;
  const state = incidentState(incident, now);
  const firstPost = sortPosts(incident.posts).find((post) => post.postedAt.getTime() <= now.getTime());
  const signal = options.firstSignals.get(incident.id);
  const startMs = Math.min(incident.openedAt.getTime(), firstPost?.postedAt.getTime() ?? Infinity, signal?.getTime() ?? Infinity);
  const startedAt = new Date(startMs);
  return {
    incident,
    startedAt,
    firstPublicPostAt: firstPost?.postedAt ?? null,
    resolvedAt: state.endedAt,
    worst: options.componentId === null ? state.worst : worstOnComponent(incident, options.componentId, options.components, now),
    timeToFirstPostMs: firstPost ? firstPost.postedAt.getTime() - startMs : null,
    timeToResolveMs: state.endedAt ? state.endedAt.getTime() - startMs : null,
    outOfHours: !isWorkingTime(startedAt, options.workingHours),
  };
}

/** Whether the incident names or changed the component, a system counting its sub-components. */
export function affectsComponent(incident: TimelineIncident, componentId: number, components: readonly TimelineComponent[]): boolean {
  const members = new Set([componentId, ...components.filter((component) => component.parentId === componentId).map((component) => component.id)]);
  const changed = incident.posts.some((post) => post.stateChanges.some((change) => members.has(change.componentId)));
  return changed || incident.componentIds.some((id) => members.has(id));
}

function worstOnComponent(incident: TimelineIncident, componentId: number, components: readonly TimelineComponent[], now: Date): ComponentState {
  const entry = incidentDurations(incident, components, now).find((durations) => durations.componentId === componentId);
  return entry ? worstState(...COMPONENT_STATES.filter((state) => state !== "green" && entry.durations[state] > 0)) : "green";
}
