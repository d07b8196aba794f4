// What every change to the public timeline does besides the change itself. `inTransaction` runs
// inside the publish transaction: the audit event is written there, and webhook deliveries are
// queued there as outbox rows, so a notification exists exactly when the post does. `afterCommit`
// runs once the transaction has committed: public pages, feeds and APIs reload, and the webhook
// dispatcher is woken to send the new rows now rather than at its next poll.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/roles";
import { invalidatePublicViews } from "@/lib/events/public-views";
import type { ComponentState } from "@/lib/timeline/types";
import { enqueueWebhooks } from "@/lib/webhooks/outbox";
import { wakeWebhookDispatcher } from "@/lib/webhooks/wake";

export interface TimelineChange {
  action:
    | "incident.open"
    | "post.publish"
    | "post.edit"
    | "post.delete"
    | "maintenance.schedule"
    | "maintenance.extend"
    | "maintenance.end_early"
    | "maintenance.cancel";
  actor: Actor;
  incidentNumber: number;
  postId: number;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
  /** When it happened (the use-case's clock); webhook rows are due from then. */
  now?: Date;
  /** Components whose public state the change moves, for webhook filters and payloads. */
  componentChanges?: { componentId: number; before: ComponentState; after: ComponentState }[];
}

export async function inTransaction(tx: Tx, change: TimelineChange): Promise<void> {
  await recordAudit(tx, {
    actor: change.actor,
    action: change.action,
    targetType: "post",
    targetId: change.postId,
    before: change.before,
    after: { incidentNumber: change.incidentNumber, ...(change.after as object) },
  });
  await enqueueWebhooks(tx, { ...change, now: change.now ?? new Date(), componentChanges: change.componentChanges ?? [] });
}

export function afterCommit(): void {
  invalidatePublicViews();
  wakeWebhookDispatcher();
}
