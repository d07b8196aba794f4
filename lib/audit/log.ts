// The append-only audit log. Every use-case that changes something writes one event, in the same
// transaction as the change, so the log and the data cannot disagree.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";

export interface AuditInput {
  actor: Pick<Actor, "userId" | "label" | "ip"> | null;
  action: string;
  targetType: string;
  targetId?: string | number;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor?.userId ?? null,
      actorLabel: event.actor?.label ?? "anonymous",
      ip: event.actor?.ip ?? "",
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId === undefined ? "" : String(event.targetId),
      before: event.before,
      after: event.after,
    },
  });
}
