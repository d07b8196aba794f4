// Per integration, for the admin's list: how many stored payloads ended in each outcome, and when
// the last one arrived (two grouped queries, whatever the number of payloads).
import type { Db } from "@/lib/db/client";
import type { PayloadOutcome } from "./received";

export interface PayloadSummary {
  lastReceivedAt: Date | null;
  counts: Partial<Record<PayloadOutcome, number>>;
}

export async function payloadSummaries(db: Db): Promise<Map<number, PayloadSummary>> {
  const [byOutcome, latest] = await Promise.all([
    db.alertPayload.groupBy({ by: ["integrationId", "outcome"], _count: { _all: true } }),
    db.alertPayload.groupBy({ by: ["integrationId"], _max: { receivedAt: true } }),
  ]);
  const summaries = new Map<number, PayloadSummary>();
  const summaryOf = (integrationId: number) => {
    const summary = summaries.get(integrationId) ?? { lastReceivedAt: null, counts: {} };
    summaries.set(integrationId, summary);
    return summary;
  };
  for (const row of byOutcome) summaryOf(row.integrationId).counts[row.outcome] = row._count._all;
  for (const row of latest) summaryOf(row.integrationId).lastReceivedAt = row._max.receivedAt;
  return summaries;
}
