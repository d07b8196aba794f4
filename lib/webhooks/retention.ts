// Which webhook deliveries may be deleted, so the outbox and the attempt log do not grow forever:
// a delivery that is finished (delivered or failed; pending rows are never touched), was queued
// more than 30 days ago, and is not among its endpoint's 100 newest finished deliveries (so the
// admin's delivery log always has something to show). Pure: prune.ts applies it to the database.
import { DAY_MS, HOUR_MS } from "@/lib/timeline/dates";

/** The outbox's states (prisma/schema.prisma); prune.ts passes database rows here, so a new state fails to compile. */
export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

export interface RetentionPolicy {
  /** Finished deliveries queued longer ago than this may go. */
  maxAgeMs: number;
  /** The newest finished deliveries of each endpoint that stay whatever their age. */
  keepPerEndpoint: number;
  /** Rows deleted per transaction. */
  batchSize: number;
  /** Batches per run, so a large backlog is spread over several runs instead of one long burst. */
  maxBatchesPerRun: number;
  /** How often the dispatcher prunes (and once when it starts). */
  intervalMs: number;
}

export const WEBHOOK_RETENTION: RetentionPolicy = {
  maxAgeMs: 30 * DAY_MS,
  keepPerEndpoint: 100,
  batchSize: 500,
  maxBatchesPerRun: 20,
  intervalMs: HOUR_MS,
};

export const FINISHED_STATUSES = ["delivered", "failed"] as const satisfies readonly WebhookDeliveryStatus[];

export interface RetainedDelivery {
  id: number;
  status: WebhookDeliveryStatus;
  createdAt: Date;
}

/** Where one endpoint's deletable deliveries end: queued before `queuedBefore` and older than `keepFrom`. */
export interface PruneBounds {
  queuedBefore: Date;
  /** The oldest of the endpoint's newest `keepPerEndpoint` finished deliveries. */
  keepFrom: Pick<RetainedDelivery, "id" | "createdAt">;
}

/** Newest first: by queue time, then by id. */
export function newestFirst(a: Pick<RetainedDelivery, "id" | "createdAt">, b: Pick<RetainedDelivery, "id" | "createdAt">): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
}

export function isFinished(status: WebhookDeliveryStatus): status is (typeof FINISHED_STATUSES)[number] {
  return (FINISHED_STATUSES as readonly WebhookDeliveryStatus[]).includes(status);
}

/** The bounds for one endpoint, given its `keepPerEndpoint`-th newest finished delivery; null when it has fewer. */
export function pruneBounds(now: Date, policy: RetentionPolicy, keepFrom: PruneBounds["keepFrom"] | undefined): PruneBounds | null {
  if (!keepFrom) return null;
  return { queuedBefore: new Date(now.getTime() - policy.maxAgeMs), keepFrom };
}

export function isPrunable(row: RetainedDelivery, bounds: PruneBounds): boolean {
  return isFinished(row.status) && row.createdAt < bounds.queuedBefore && newestFirst(row, bounds.keepFrom) > 0;
}

/** The ids of one endpoint's deliveries that may be deleted, from all of them. */
export function prunableDeliveries(rows: readonly RetainedDelivery[], now: Date, policy: RetentionPolicy = WEBHOOK_RETENTION): number[] {
  const finished = rows.filter((row) => isFinished(row.status)).sort(newestFirst);
  const bounds = pruneBounds(now, policy, finished[policy.keepPerEndpoint - 1]);
  return bounds ? rows.filter((row) => isPrunable(row, bounds)).map((row) => row.id) : [];
}
