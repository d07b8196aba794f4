import { incidentEffects } from "./effects";
import type { MaintenanceStatus, TimelineIncident } from "./types";

/** Completed once resolved or past scheduledEndAt (no manual step); upcoming before scheduledStartAt. */
export function maintenanceStatus(incident: TimelineIncident, now: Date): MaintenanceStatus {
  const { nowMs, window, endMs } = incidentEffects(incident, now);
  if (endMs !== null) return "completed";
  return nowMs < window.start ? "upcoming" : "in_progress";
}
