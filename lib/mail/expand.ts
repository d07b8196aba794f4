// Expanding a MailJob into one MailDelivery per matching subscriber, a batch at a time by ascending
// subscriber id. Each batch's rows and the job's cursor commit in one transaction, guarded by a
// compare-and-set on the cursor: after a crash the next round resumes at the cursor, and of two
// instances expanding one job only one writes each batch. @@unique([jobId, subscriberId]) makes a
// second row for a pair impossible whatever happens.
//
// Who matches: confirmed, not paused; for maintenance notices only those who asked for them; every
// component, or a chosen one among the job's components (stored with their parent systems, so a
// subscriber who chose a system gets its sub-components' mail).
import type { Db } from "@/lib/db/client";
import { noticeMessageId } from "./message-id";
import { mailNoticeSchema } from "./notice";

export interface ExpandResult {
  deliveries: number;
  /** Some job still has subscribers to expand. */
  more: boolean;
}

/** Expands the oldest unexpanded job by up to `batch` subscribers. */
export async function expandNextBatch(db: Db, now: Date, domain: string, batch: number): Promise<ExpandResult> {
  const job = await db.mailJob.findFirst({ where: { expandedAt: null }, orderBy: { id: "asc" } });
  if (!job) return { deliveries: 0, more: false };
  const componentIds = job.componentIds as number[];
  const subscribers = await db.subscriber.findMany({
    where: {
      id: { gt: job.expandedUpToSubscriberId },
      status: "confirmed",
      paused: false,
      ...(job.maintenance ? { maintenance: true } : {}),
      OR: [{ allComponents: true }, { components: { some: { componentId: { in: componentIds } } } }],
    },
    orderBy: { id: "asc" },
    take: batch,
    select: { id: true },
  });
  const finished = subscribers.length < batch;
  const { opensThread } = mailNoticeSchema.pick({ opensThread: true }).parse(job.payload);
  const threadOf = { id: job.id, incidentNumber: job.incidentNumber ?? 0, opensThread };
  const written = await db.$transaction(async (tx) => {
    const { count } = await tx.mailJob.updateMany({
      where: { id: job.id, expandedAt: null, expandedUpToSubscriberId: job.expandedUpToSubscriberId },
      data: { expandedUpToSubscriberId: subscribers.at(-1)?.id ?? job.expandedUpToSubscriberId, expandedAt: finished ? now : null },
    });
    if (count === 0 || subscribers.length === 0) return 0; // another instance took this batch
    await tx.mailDelivery.createMany({
      data: subscribers.map((subscriber) => ({
        jobId: job.id,
        subscriberId: subscriber.id,
        messageId: noticeMessageId(threadOf, subscriber.id, domain),
        nextAttemptAt: now,
        createdAt: now,
      })),
    });
    return subscribers.length;
  });
  const more = !finished || (await db.mailJob.count({ where: { expandedAt: null } })) > 0;
  return { deliveries: written, more };
}
