// PURE: how long an open incident has gone without a public update, and whether that is too long
// (customers are left wondering; Heroku's practice is an update at least every 30 minutes).
import { incidentState } from "@/lib/timeline";
import type { TimelineIncident } from "@/lib/timeline/types";

export interface UpdateAge {
  lastPostAt: Date | null;
  minutes: number;
  stale: boolean;
  /** "12 min ago", "2 h 5 min ago". */
  label: string;
}

export function updateAge(incident: TimelineIncident, now: Date, staleAfterMinutes: number): UpdateAge {
  const { lastPostAt, startedAt } = incidentState(incident, now);
  const minutes = Math.max(0, Math.floor((now.getTime() - (lastPostAt ?? startedAt).getTime()) / 60_000));
  return { lastPostAt, minutes, stale: minutes >= staleAfterMinutes, label: describeMinutesAgo(minutes) };
}

export function describeMinutesAgo(minutes: number): string {
  if (minutes < 1) return "less than a minute ago";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 48) return `${Math.floor(hours / 24)} days ago`;
  return rest === 0 ? `${hours} h ago` : `${hours} h ${rest} min ago`;
}
