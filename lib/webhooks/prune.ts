// Deletes what retention.ts allows, in bounded batches: per endpoint, find its N-th newest finished
// delivery (the keep boundary), then delete the oldest deletable rows with their attempts, one
// batch per transaction. The queries walk the (endpointId, createdAt) and (deliveryId) indexes.
// Safe with several instances: finished rows never change again, and deleting a row twice is a no-op.
import type { Db } from "@/lib/db/client";
import { FINISHED_STATUSES, isPrunable, pruneBounds, WEBHOOK_RETENTION, type PruneBounds, type RetentionPolicy } from "./retention";

export interface PruneResult {
  deliveries: number;
  attempts: number;
  /** False when the run stopped at `maxBatchesPerRun` and more may be left for the next one. */
  complete: boolean;
}

function deletableWhere(endpointId: number, bounds: PruneBounds) {
  const { keepFrom } = bounds;
  return {
    endpointId,
    status: { in: [...FINISHED_STATUSES] },
    createdAt: { lt: bounds.queuedBefore },
    OR: [{ createdAt: { lt: keepFrom.createdAt } }, { createdAt: keepFrom.createdAt, id: { lt: keepFrom.id } }],
  };
}

async function keepBoundary(db: Db, endpointId: number, policy: RetentionPolicy) {
  const [row] = await db.webhookDelivery.findMany({
    where: { endpointId, status: { in: [...FINISHED_STATUSES] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: policy.keepPerEndpoint - 1,
    take: 1,
    select: { id: true, createdAt: true },
  });
  return row;
}

export async function pruneWebhookDeliveries(db: Db, now: Date, policy: RetentionPolicy = WEBHOOK_RETENTION): Promise<PruneResult> {
  const result: PruneResult = { deliveries: 0, attempts: 0, complete: true };
  let batches = 0;
  const endpoints = await db.webhookEndpoint.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const { id: endpointId } of endpoints) {
    const bounds = pruneBounds(now, policy, await keepBoundary(db, endpointId, policy));
    if (!bounds) continue;
    for (;;) {
      if (batches >= policy.maxBatchesPerRun) return { ...result, complete: false };
      const candidates = await db.webhookDelivery.findMany({
        where: deletableWhere(endpointId, bounds),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: policy.batchSize,
        select: { id: true, status: true, createdAt: true },
      });
      // The query narrows; the rule decides (the same one the unit tests pin).
      const ids = candidates.filter((row) => isPrunable(row, bounds)).map((row) => row.id);
      if (ids.length === 0) break;
      batches += 1;
      const [attempts, deliveries] = await db.$transaction([
        db.webhookAttempt.deleteMany({ where: { deliveryId: { in: ids } } }),
        db.webhookDelivery.deleteMany({ where: { id: { in: ids }, status: { in: [...FINISHED_STATUSES] } } }),
      ]);
      result.attempts += attempts.count;
      result.deliveries += deliveries.count;
      if (candidates.length < policy.batchSize) break;
    }
  }
  return result;
}
