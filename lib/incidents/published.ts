// What every change to the public timeline does besides the change itself. `inTransaction` runs
// inside the publish transaction: the audit event is written there, and webhook deliveries will be
// queued there as outbox rows, so a notification exists exactly when the post does. `afterCommit`
// runs once the transaction has committed: public pages, feeds and APIs reload.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/roles";
import { invalidatePublicViews } from "@/lib/public/cache";

export interface TimelineChange {
  action: "incident.open" | "post.publish" | "post.edit" | "post.delete";
  actor: Actor;
  incidentNumber: number;
  postId: number;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
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
}

export function afterCommit(): void {
  invalidatePublicViews();
}
