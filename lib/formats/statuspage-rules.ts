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
import type { FeedComponent, FeedIncident, FeedPost, StatuspagePhase } from "@/lib/db/feed-queries";
import { componentIntervals, currentStates, maintenanceStatus } from "@/lib/timeline";
import type { ComponentState, IncidentState, StateInterval, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";

export type StatuspageComponentStatus = "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
export type StatuspageIndicator = "none" | "minor" | "major" | "critical";
export type StatuspageIncidentStatus = "investigating" | "identified" | "monitoring" | "resolved";
export type StatuspageMaintenanceStatus = "scheduled" | "in_progress" | "verifying" | "completed";
export type StatuspageUpdateStatus = StatuspageIncidentStatus | StatuspageMaintenanceStatus;
export type StatuspageImpact = "none" | "minor" | "major" | "critical" | "maintenance";

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
  const wasRed = (id: number) => (intervals.get(id) ?? []).some((interval) => interval.state === "red" && interval.start < at);
  const statuses = new Map<number, StatuspageComponentStatus>();
  for (const [id, state] of currentStates([incident], components, at)) statuses.set(id, componentStatus(state, state === "yellow" && wasRed(id)));
  return statuses;
}

export interface PageStatus {
  indicator: StatuspageIndicator;
  description: string;
}

export function pageStatus(
  visible: readonly FeedComponent[],
  statuses: ReadonlyMap<number, StatuspageComponentStatus>,
): PageStatus {
  const of = (component: FeedComponent) => statuses.get(component.id) ?? "operational";
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

export function incidentImpact(incident: FeedIncident, state: IncidentState): StatuspageImpact {
  if (incident.kind === "maintenance") return "maintenance";
  if (state.worst === "red") return "critical";
  return state.worst === "yellow" ? "minor" : "none";
}

const INCIDENT_PHASES: readonly StatuspagePhase[] = ["investigating", "identified", "monitoring"];
const MAINTENANCE_PHASES: readonly StatuspagePhase[] = ["scheduled", "in_progress", "verifying"];

/** Each post's status, for posts in timeline order. */
export function updateStatuses(incident: FeedIncident, posts: readonly FeedPost[]): StatuspageUpdateStatus[] {
  const maintenance = incident.kind === "maintenance";
  const windowStart = incident.scheduledStartAt?.getTime() ?? -Infinity;
  const statuses: StatuspageUpdateStatus[] = [];
  let previous: StatuspageUpdateStatus = maintenance ? "scheduled" : "investigating";
  for (const post of posts) {
    let status: StatuspageUpdateStatus;
    if (post.type === "resolved") status = maintenance ? "completed" : "resolved";
    else if (post.statuspagePhase && (maintenance ? MAINTENANCE_PHASES : INCIDENT_PHASES).includes(post.statuspagePhase)) {
      status = post.statuspagePhase as StatuspageUpdateStatus;
    } else if (maintenance) {
      status = post.type === "scheduled" ? "scheduled" : post.postedAt.getTime() >= windowStart ? "in_progress" : previous;
    } else {
      status = post.type === "investigating" ? "investigating" : post.type === "issue" ? "identified" : previous;
    }
    statuses.push(status);
    previous = status;
  }
  return statuses;
}

/** The incident's own status now: its newest update's, held to what the timeline core says. */
export function incidentStatus(
  incident: FeedIncident,
  state: IncidentState,
  statuses: readonly StatuspageUpdateStatus[],
  now: Date,
): StatuspageUpdateStatus {
  const newest = statuses[statuses.length - 1];
  if (incident.kind === "maintenance") {
    const phase = maintenanceStatus(incident, now);
    if (phase === "upcoming") return "scheduled";
    if (phase === "completed") return "completed";
    return newest === "verifying" ? "verifying" : "in_progress";
  }
  if (!state.open) return "resolved";
  return newest && newest !== "resolved" ? newest : "investigating";
}
