// PURE: what customers will see change if a maintenance is scheduled, extended, ended early or
// cancelled — the same Impact as a post's (impact.ts): per component "green → blue from … to …",
// where it appears (page, feeds, APIs, the calendar), webhook subscribers, guardrail warnings, hash.
// A window's change is measured at the instant it takes effect: the window start (schedule,
// cancel), the old end (extend), or now (end early).
import { formatUtc } from "@/lib/text/format-time";
import { maintenanceStatus } from "@/lib/timeline";
import type { TimelineComponent, TimelineIncident, TimelinePost } from "@/lib/timeline/types";
import { eventOf, type EndpointFilter } from "@/lib/webhooks/match";
import {
  componentDiff,
  impactHash,
  subscribersLine,
  textWarnings,
  webhookSubscribers,
  type ChangeWindow,
  type Impact,
  type ImpactOutcome,
  type ImpactWarning,
} from "./impact";

export type MaintenanceAction = "schedule" | "extend" | "end_early" | "cancel";

export type MaintenanceChange =
  | { action: "schedule"; title: string; componentIds: number[]; startsAt: Date; endsAt: Date; body: string }
  | { action: "extend"; maintenance: ScheduledMaintenance; endsAt: Date; body: string }
  | { action: "end_early" | "cancel"; maintenance: ScheduledMaintenance; body: string };

/** A maintenance as the timeline core sees it, with its window. */
export type ScheduledMaintenance = TimelineIncident & { scheduledStartAt: Date; scheduledEndAt: Date };

export interface MaintenanceImpactInput {
  components: readonly TimelineComponent[];
  /** Open incidents and unfinished maintenance as of now. */
  active: readonly TimelineIncident[];
  change: MaintenanceChange;
  now: Date;
  webhooks?: readonly EndpointFilter[];
}

const PROPOSED_ID = Number.MAX_SAFE_INTEGER;
const OUTCOME: Record<MaintenanceAction, ImpactOutcome> = { schedule: "schedules", extend: "extends", end_early: "ends-early", cancel: "cancels" };
const POST_TYPE = { schedule: "scheduled", extend: "update", end_early: "resolved", cancel: "resolved" } as const;
const CALENDAR = "the maintenance calendar /maintenance.ics";

/** The maintenance as it will be once the change is published. */
export function proposedMaintenance(change: MaintenanceChange, now: Date): ScheduledMaintenance {
  const post = (stateChanges: TimelinePost["stateChanges"]): TimelinePost => ({
    id: PROPOSED_ID,
    type: POST_TYPE[change.action],
    postedAt: now,
    createdAt: now,
    stateChanges,
  });
  if (change.action === "schedule") {
    return {
      id: -1,
      number: -1,
      title: change.title,
      kind: "maintenance",
      openedAt: now,
      scheduledStartAt: change.startsAt,
      scheduledEndAt: change.endsAt,
      componentIds: change.componentIds,
      posts: [post(change.componentIds.map((componentId) => ({ componentId, state: "blue" })))],
    };
  }
  const { maintenance } = change;
  const endsAt = change.action === "extend" ? change.endsAt : maintenance.scheduledEndAt;
  return { ...maintenance, scheduledEndAt: endsAt, posts: [...maintenance.posts, post([])] };
}

export function maintenanceImpact(input: MaintenanceImpactInput): Impact {
  const { components, active, change, now } = input;
  const current = change.action === "schedule" ? null : change.maintenance;
  const proposed = proposedMaintenance(change, now);
  const window = effectWindow(change, now);
  const changes = componentDiff({ components, active, current, proposed, at: window?.start ?? now, window });
  const title = change.action === "schedule" ? change.title : undefined;
  const warnings = [...windowWarnings(input, proposed), ...textWarnings(title, change.body)];
  const subscribers = webhookSubscribers(input.webhooks, components, eventOf(`maintenance.${change.action}`, POST_TYPE[change.action]), proposed.componentIds);
  const announcements = [...whereItAppears(change, now), ...subscribersLine(subscribers)];
  const hash = impactHash({
    action: change.action,
    number: current?.number ?? null,
    changes: changes.map((c) => [c.componentId, c.before, c.after, c.window?.start.toISOString() ?? null, c.window?.end.toISOString() ?? null]),
    warnings: warnings.map((warning) => warning.code),
    title: title ?? null,
    body: change.body,
    componentIds: [...proposed.componentIds].sort((a, b) => a - b),
    window: [proposed.scheduledStartAt.toISOString(), proposed.scheduledEndAt.toISOString()],
  });
  const post = {
    title: title ?? current?.title,
    type: POST_TYPE[change.action],
    body: change.body,
    postedAt: now,
    window: { start: proposed.scheduledStartAt, end: proposed.scheduledEndAt },
  };
  return { incident: OUTCOME[change.action], changes, announcements, warnings, post, hash };
}

/** When customers see the difference: a future span of time, or (ending early) from now on. */
function effectWindow(change: MaintenanceChange, now: Date): ChangeWindow | undefined {
  const later = (date: Date) => new Date(Math.max(date.getTime(), now.getTime()));
  switch (change.action) {
    case "schedule":
      return { start: later(change.startsAt), end: change.endsAt };
    case "extend":
      return { start: later(change.maintenance.scheduledEndAt), end: change.endsAt };
    case "cancel":
      return { start: later(change.maintenance.scheduledStartAt), end: change.maintenance.scheduledEndAt };
    case "end_early":
      return undefined;
  }
}

function whereItAppears(change: MaintenanceChange, now: Date): string[] {
  const everywhere = "the public page, the RSS/Atom feeds and the APIs";
  switch (change.action) {
    case "schedule":
      return [
        `A new scheduled maintenance on ${everywhere}: upcoming until ${formatUtc(change.startsAt)}, under maintenance until ${formatUtc(change.endsAt)}`,
        `A new event in ${CALENDAR}`,
      ];
    case "extend":
      return [
        `An Update post on ${everywhere}`,
        `The window now ends ${formatUtc(change.endsAt)} instead of ${formatUtc(change.maintenance.scheduledEndAt)}, also in ${CALENDAR}`,
      ];
    case "end_early":
      return [
        `A Resolved post on ${everywhere}`,
        `The maintenance ends now (${formatUtc(now)}) instead of ${formatUtc(change.maintenance.scheduledEndAt)} and leaves ${CALENDAR}`,
      ];
    case "cancel":
      return [`A Resolved post on ${everywhere}`, `The maintenance leaves the upcoming list and ${CALENDAR}; nothing turns blue`];
  }
}

/** A window that has already started, and one that overlaps another maintenance of the same components. */
function windowWarnings({ components, active, change, now }: MaintenanceImpactInput, proposed: ScheduledMaintenance): ImpactWarning[] {
  const warnings: ImpactWarning[] = [];
  if (change.action === "schedule" && change.startsAt.getTime() < now.getTime()) {
    warnings.push({
      code: "window-started",
      message: `The window starts ${formatUtc(change.startsAt)}, which has already passed: the components turn blue for customers as soon as you publish. Set the start to the real time if that was not meant.`,
    });
  }
  // Only the span this change adds can newly overlap: the whole window when scheduling, the extension when extending.
  const span =
    change.action === "schedule"
      ? { start: change.startsAt, end: change.endsAt }
      : change.action === "extend"
        ? { start: change.maintenance.scheduledEndAt, end: change.endsAt }
        : null;
  if (!span) return warnings;
  const parentOf = new Map(components.map((component) => [component.id, component.parentId]));
  const related = (a: number, b: number) => a === b || parentOf.get(a) === b || parentOf.get(b) === a;
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `component ${id}`;
  const overlaps = active.flatMap((other) => {
    if (other.kind !== "maintenance" || other.id === proposed.id || !other.scheduledStartAt || !other.scheduledEndAt) return [];
    if (maintenanceStatus(other, now) === "completed" || !(other.scheduledStartAt < span.end && span.start < other.scheduledEndAt)) return [];
    const shared = proposed.componentIds.filter((id) => other.componentIds.some((otherId) => related(id, otherId)));
    if (shared.length === 0) return [];
    return [
      `#${other.number} “${other.title}” (${formatUtc(other.scheduledStartAt)} – ${formatUtc(other.scheduledEndAt)}) on ${shared.map(nameOf).join(", ")}`,
    ];
  });
  if (overlaps.length > 0) {
    warnings.push({
      code: "maintenance-overlap",
      message: `The window overlaps maintenance ${overlaps.join("; ")}. Customers will see two maintenances at once; change that one instead if it is the same work.`,
    });
  }
  return warnings;
}
