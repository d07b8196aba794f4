// System events: what Beacon writes on an incident's internal timeline by itself, inside the same
// transaction as the action (lib/incidents/published.ts calls it for every public timeline change),
// so the internal timeline can never miss a publish or claim one that rolled back.
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { POST_TYPE_LABEL, STATE_LABEL } from "@/lib/text/labels";
import type { ComponentState } from "@/lib/timeline/types";
import { writeInternalEntry, type NewInternalEntry } from "./entries";

/** The machine-readable codes; the human text is written next to each. */
export type SystemEventCode =
  | "post.published"
  | "post.edited"
  | "post.deleted"
  | "component.state_changed"
  | "maintenance.scheduled"
  | "maintenance.extended"
  | "maintenance.ended"
  | "maintenance.cancelled"
  | "guardrail.overridden";

/** What a commander did to the public timeline (also the audit event's action). */
export type TimelineActionName =
  | "incident.open"
  | "post.publish"
  | "post.edit"
  | "post.delete"
  | "maintenance.schedule"
  | "maintenance.extend"
  | "maintenance.end_early"
  | "maintenance.cancel";

export interface PublicTimelineAction {
  action: TimelineActionName;
  actor: Pick<Actor, "userId" | "label">;
  postId: number;
  now: Date;
  componentChanges?: readonly { componentId: number; name?: string; before: ComponentState; after: ComponentState }[];
  /** Guardrail warnings the person acknowledged at confirm. */
  overriddenWarnings?: readonly string[];
}

const ACTION_CODE: Record<PublicTimelineAction["action"], SystemEventCode> = {
  "incident.open": "post.published",
  "post.publish": "post.published",
  "post.edit": "post.edited",
  "post.delete": "post.deleted",
  "maintenance.schedule": "maintenance.scheduled",
  "maintenance.extend": "maintenance.extended",
  "maintenance.end_early": "maintenance.ended",
  "maintenance.cancel": "maintenance.cancelled",
};

const MAINTENANCE_TEXT: Partial<Record<SystemEventCode, string>> = {
  "maintenance.scheduled": "Maintenance scheduled",
  "maintenance.extended": "Maintenance extended",
  "maintenance.ended": "Maintenance ended early",
  "maintenance.cancelled": "Maintenance cancelled",
};

export async function recordSystemEvents(tx: Tx, change: PublicTimelineAction): Promise<void> {
  const post = await tx.post.findUniqueOrThrow({ where: { id: change.postId }, select: { incidentId: true, type: true } });
  const event = (systemCode: SystemEventCode, body: string): NewInternalEntry => ({
    incidentId: post.incidentId,
    kind: "system",
    occurredAt: change.now,
    author: change.actor,
    systemCode,
    body,
  });
  const code = ACTION_CODE[change.action];
  const by = `by ${change.actor.label}`;
  const events = [
    event(code, code.startsWith("post.") ? `${POST_TYPE_LABEL[post.type]} ${code.slice("post.".length)} ${by}` : `${MAINTENANCE_TEXT[code]} ${by}`),
    ...(change.componentChanges ?? [])
      .filter((moved) => moved.before !== moved.after)
      .map((moved) =>
        event("component.state_changed", `${moved.name ?? `Component #${moved.componentId}`}: ${STATE_LABEL[moved.before]} → ${STATE_LABEL[moved.after]}`),
      ),
  ];
  if (change.overriddenWarnings && change.overriddenWarnings.length > 0) {
    events.push(event("guardrail.overridden", `Confirmed despite: ${change.overriddenWarnings.join(" ")}`));
  }
  for (const entry of events) await writeInternalEntry(tx, entry);
}
