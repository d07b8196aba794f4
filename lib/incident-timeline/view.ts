// PURE: one chronological view of an incident for the people handling it — the public posts
// interleaved with the internal timeline (notes, links, handoffs, system events, freezes) and the
// deploys around it — filtered to all, public or internal lines. Newest first, like the posts list.
// No I/O: the admin page reads the rows and hands them in.
import type { IncidentDeploy } from "@/lib/deploys/history";
import type { DeployEnvironment } from "@/lib/validation/deploys";

export const TIMELINE_FILTERS = ["all", "public", "internal"] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** The filter named in the address; anything else (or nothing) shows all. */
export function timelineFilterOf(value: unknown): TimelineFilter {
  return TIMELINE_FILTERS.find((filter) => filter === value) ?? "all";
}

export type InternalEntryKind = "note" | "link" | "handoff" | "system" | "deploy_freeze" | "deploy_unfreeze";

export interface InternalEntry {
  id: number;
  kind: InternalEntryKind;
  occurredAt: Date;
  authorLabel: string;
  body: string;
  linkTitle: string | null;
  linkUrl: string | null;
  /** Handoffs: readable names of who passed and who took command (null: nobody commanded). */
  fromUser: string | null;
  toUser: string | null;
  systemCode: string | null;
  environment: DeployEnvironment | null;
}

export type TimelineLine<Post> =
  | { type: "post"; audience: "public"; at: Date; key: string; post: Post }
  | { type: "entry"; audience: "internal"; at: Date; key: string; entry: InternalEntry }
  | { type: "deploy"; audience: "internal"; at: Date; key: string; deploy: IncidentDeploy }
  | { type: "window"; audience: "internal"; at: Date; key: string; event: "maintenance.started" | "maintenance.ended" };

export interface MaintenanceWindow {
  start: Date;
  end: Date;
  /** When it really ended (the timeline core's endedAt), if it has. */
  endedAt: Date | null;
}

export interface TimelineParts<Post extends { id: number; postedAt: Date; createdAt: Date }> {
  posts: readonly Post[];
  entries: readonly InternalEntry[];
  /** Deploys from the window before the incident on (lib/deploys/history.ts incidentDeploys). */
  deploys: readonly IncidentDeploy[];
  /** A maintenance window: its start and end become lines once they have passed. */
  window: MaintenanceWindow | null;
  now: Date;
}

export function incidentTimeline<Post extends { id: number; postedAt: Date; createdAt: Date }>(
  parts: TimelineParts<Post>,
  filter: TimelineFilter,
): TimelineLine<Post>[] {
  const lines: TimelineLine<Post>[] = [
    ...parts.posts.map((post) => ({ type: "post" as const, audience: "public" as const, at: post.postedAt, key: `post-${post.id}`, post })),
    ...parts.entries.map((entry) => ({ type: "entry" as const, audience: "internal" as const, at: entry.occurredAt, key: `entry-${entry.id}`, entry })),
    ...parts.deploys.map((deploy) => ({ type: "deploy" as const, audience: "internal" as const, at: deploy.deployedAt, key: `deploy-${deploy.id}`, deploy })),
    ...windowLines<Post>(parts.window, parts.now),
  ];
  return lines.filter((line) => filter === "all" || line.audience === filter).sort((a, b) => b.at.getTime() - a.at.getTime() || tieBreak(b) - tieBreak(a));
}

/**
 * A maintenance's window start and its running out, once passed. A window cancelled before it began
 * never started, and one ended early did not run out: those are system events written by the change.
 */
function windowLines<Post>(window: MaintenanceWindow | null, now: Date): TimelineLine<Post>[] {
  if (!window) return [];
  const endedAt = window.endedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const events = [
    { at: window.start, event: "maintenance.started" as const, happened: endedAt > window.start.getTime() },
    { at: window.end, event: "maintenance.ended" as const, happened: endedAt >= window.end.getTime() },
  ];
  return events
    .filter(({ at, happened }) => happened && at.getTime() <= now.getTime())
    .map(({ at, event }) => ({ type: "window" as const, audience: "internal" as const, at, key: event, event }));
}

/** At the same instant: posts after what led to them (entries, deploys), by when they were written. */
function tieBreak(line: TimelineLine<{ createdAt: Date }>): number {
  return line.type === "post" ? line.post.createdAt.getTime() : 0;
}
