/**
 * How Beacon's states and post types read in Atlassian Statuspage's vocabulary. Every state comes from
 * the timeline core; these rules only translate it.
 *
 * Component status:
 *   green  → operational
 *   blue   → under_maintenance
 *   yellow → degraded_performance, or partial_outage when the same incident had the component red
 *            earlier: an outage that is partly restored ("most apps are back, some still failing")
 *   red    → major_outage
 * Page indicator (from the visible components' statuses): major_outage on every system → critical
 * ("Major Service Outage"); some major_outage → major ("Partial System Outage"); partial_outage →
 * minor ("Minor Service Outage"); degraded_performance → minor ("Partially Degraded Service");
 * otherwise none ("Service Under Maintenance" while something is under maintenance, else
 * "All Systems Operational").
 * Incident impact (from the worst state it caused): red → critical, yellow → minor, else none;
 * maintenance → maintenance.
 * Update status: a post's `statuspagePhase` when it fits the incident's kind, else by type —
 * investigating → investigating, issue → identified, update → the previous update's status,
 * resolved → resolved; for maintenance scheduled → scheduled, resolved → completed, other posts →
 * in_progress once the window has started (before it: the previous status). Only a resolved post
 * is ever resolved/completed.
 */
import type { PublicComponent, PublicIncident, PublicPost, StatuspagePhase } from "@/lib/timeline/types";
import { componentIntervals, currentStates, maintenanceStatus } from "@/lib/timeline";
import type { ComponentState, IncidentState, StateInterval, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";
import type { StatuspageComponentStatus, StatuspageIncidentImpact, StatuspageIncidentStatus, StatuspageMaintenanceStatus, StatuspageStatus } from "./schemas";

export type { StatuspageComponentStatus } from "./schemas";

export function componentStatus(state: ComponentState, partlyRestored: boolean): StatuspageComponentStatus {
  switch (state) {
    case "green":
      return "operational";
    case "blue":
      return "under_maintenance";
    case "yellow":
      return partlyRestored ? "partial_outage" : "degraded_performance";
    case "red":
      return "major_outage";
  }
}

/** Every component's Statuspage status at `at` from these incidents (systems rolled up). */
export function componentStatuses(
  incidents: readonly TimelineIncident[],
  components: readonly TimelineComponent[],
  at: Date,
): Map<number, StatuspageComponentStatus> {
  const restored = new Set<number>();
  for (const incident of incidents) {
    for (const [id, status] of incidentStatusesAt(incident, components, at, componentIntervals([incident], components, at))) {
      if (status === "partial_outage") restored.add(id);
    }
  }
  const statuses = new Map<number, StatuspageComponentStatus>();
  for (const [id, state] of currentStates(incidents, components, at)) statuses.set(id, componentStatus(state, restored.has(id)));
  return statuses;
}

/**
 * One incident's statuses at `at`. `intervals` are the incident's own rolled-up intervals up to any
 * time from `at` on (what happened before `at` does not change later), so they are computed once.
 */
export function incidentStatusesAt(
  incident: TimelineIncident,
  components: readonly TimelineComponent[],
  at: Date,
  intervals: ReadonlyMap<number, readonly StateInterval[]>,
): Map<number, StatuspageComponentStatus> {
  return statusesFromStates(currentStates([incident], components, at), firstRedStarts(intervals), at);
}

/** When each component first went red in an incident, from the incident's own rolled-up intervals. */
export function firstRedStarts(intervals: ReadonlyMap<number, readonly StateInterval[]>): Map<number, number> {
  const starts = new Map<number, number>();
  for (const [id, list] of intervals) {
    const red = list.filter((interval) => interval.state === "red").map((interval) => interval.start.getTime());
    if (red.length > 0) starts.set(id, Math.min(...red));
  }
  return starts;
}

/** One incident's statuses from its states at `at`: yellow after red earlier in the same incident is a partial outage. */
export function statusesFromStates(
  states: ReadonlyMap<number, ComponentState>,
  firstRed: ReadonlyMap<number, number>,
  at: Date,
): Map<number, StatuspageComponentStatus> {
  const wasRed = (id: number) => (firstRed.get(id) ?? Infinity) < at.getTime();
  const statuses = new Map<number, StatuspageComponentStatus>();
  for (const [id, state] of states) statuses.set(id, componentStatus(state, state === "yellow" && wasRed(id)));
  return statuses;
}

export function pageStatus(visible: readonly PublicComponent[], statuses: ReadonlyMap<number, StatuspageComponentStatus>): StatuspageStatus {
  const of = (component: PublicComponent) => statuses.get(component.id) ?? "operational";
  const all = visible.map(of);
  const systems = visible.filter((component) => component.parentId === null).map(of);
  if (all.includes("major_outage")) {
    return systems.length > 0 && systems.every((status) => status === "major_outage")
      ? { indicator: "critical", description: "Major Service Outage" }
      : { indicator: "major", description: "Partial System Outage" };
  }
  if (all.includes("partial_outage")) return { indicator: "minor", description: "Minor Service Outage" };
  if (all.includes("degraded_performance")) return { indicator: "minor", description: "Partially Degraded Service" };
  if (all.includes("under_maintenance")) return { indicator: "none", description: "Service Under Maintenance" };
  return { indicator: "none", description: "All Systems Operational" };
}

/** An incident's impact from the worst state it caused (maintenance says "maintenance"). */
export function incidentImpact(state: IncidentState): StatuspageIncidentImpact {
  if (state.worst === "red") return "critical";
  return state.worst === "yellow" ? "minor" : "none";
}

const INCIDENT_PHASES: readonly StatuspageIncidentStatus[] = ["investigating", "identified", "monitoring"];
const MAINTENANCE_PHASES: readonly StatuspageMaintenanceStatus[] = ["scheduled", "in_progress", "verifying"];

/** Whether a post's chosen phase belongs to this kind (a maintenance phase on an incident is ignored). */
function fits<T extends string>(phases: readonly T[], phase: StatuspagePhase | null): phase is StatuspagePhase & T {
  return phase !== null && (phases as readonly string[]).includes(phase);
}

/** Each post's status, for an incident's posts in timeline order. */
export function incidentUpdateStatuses(posts: readonly PublicPost[]): StatuspageIncidentStatus[] {
  let previous: StatuspageIncidentStatus = "investigating";
  return posts.map((post) => {
    if (post.type === "resolved") previous = "resolved";
    else if (fits(INCIDENT_PHASES, post.statuspagePhase)) previous = post.statuspagePhase;
    else if (post.type === "investigating") previous = "investigating";
    else if (post.type === "issue") previous = "identified";
    return previous;
  });
}

/** Each post's status, for a maintenance's posts in timeline order. */
export function maintenanceUpdateStatuses(maintenance: PublicIncident, posts: readonly PublicPost[]): StatuspageMaintenanceStatus[] {
  const windowStart = maintenance.scheduledStartAt?.getTime() ?? -Infinity;
  let previous: StatuspageMaintenanceStatus = "scheduled";
  return posts.map((post) => {
    if (post.type === "resolved") previous = "completed";
    else if (fits(MAINTENANCE_PHASES, post.statuspagePhase)) previous = post.statuspagePhase;
    else if (post.type === "scheduled") previous = "scheduled";
    else if (post.postedAt.getTime() >= windowStart) previous = "in_progress";
    return previous;
  });
}

/** The incident's own status now: its newest update's, held to what the timeline core says. */
export function incidentStatus(state: IncidentState, statuses: readonly StatuspageIncidentStatus[]): StatuspageIncidentStatus {
  const newest = statuses[statuses.length - 1];
  if (!state.open) return "resolved";
  return newest && newest !== "resolved" ? newest : "investigating";
}

/** A maintenance's own status now: where its window stands, "verifying" when its newest update says so. */
export function maintenanceStatuspageStatus(
  maintenance: PublicIncident,
  statuses: readonly StatuspageMaintenanceStatus[],
  now: Date,
): StatuspageMaintenanceStatus {
  const phase = maintenanceStatus(maintenance, now);
  if (phase === "upcoming") return "scheduled";
  if (phase === "completed") return "completed";
  return statuses[statuses.length - 1] === "verifying" ? "verifying" : "in_progress";
}
