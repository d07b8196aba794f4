// What every change to the public timeline does besides the change itself. `inTransaction` runs
// inside the publish transaction: the audit event is written there, and webhook deliveries are
// queued there as outbox rows, so a notification exists exactly when the post does. `afterCommit`
// runs once the transaction has committed: public pages, feeds and APIs reload, and the webhook
// dispatcher is woken to send the new rows now rather than at its next poll. The incident's
// internal timeline gets its system events (published, state changed, guardrail overridden) there too.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { recordSystemEvents, type TimelineActionName } from "@/lib/incident-timeline/system-events";
import type { Actor } from "@/lib/auth/roles";
import { invalidatePublicViews } from "@/lib/events/public-views";
import type { ComponentState } from "@/lib/timeline/types";
import { enqueueMail } from "@/lib/mail/outbox";
import { enqueueWebhooks } from "@/lib/webhooks/outbox";
import { wakeWebhookDispatcher } from "@/lib/webhooks/wake";

export interface TimelineChange {
  action: TimelineActionName;
  actor: Actor;
  incidentNumber: number;
  postId: number;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
  /** When it happened (the use-case's clock); webhook rows are due from then. */
  now?: Date;
  /** Components whose public state the change moves, for webhook filters and payloads. */
  componentChanges?: { componentId: number; name?: string; before: ComponentState; after: ComponentState }[];
  /** Guardrail warnings the person acknowledged at confirm, for the internal timeline. */
  overriddenWarnings?: string[];
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
  const now = change.now ?? new Date();
  await enqueueWebhooks(tx, { ...change, now, componentChanges: change.componentChanges ?? [] });
  await enqueueMail(tx, { ...change, now });
  await recordSystemEvents(tx, { ...change, now });
}

/** The warnings a confirmed write went ahead despite (none for API and CLI writes, which confirm nothing). */
export function overriddenWarnings(
  impact: { warnings: readonly { message: string }[] },
  confirmation: { warningsAcknowledged?: boolean } | undefined,
): string[] {
  return confirmation?.warningsAcknowledged ? impact.warnings.map((warning) => warning.message) : [];
}

export function afterCommit(): void {
  invalidatePublicViews();
  wakeWebhookDispatcher();
}
