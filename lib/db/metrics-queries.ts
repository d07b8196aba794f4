// The admin metrics' one read: everything lib/metrics/ needs for a range, in four queries, whatever
// the charts. Admin side only (internal timeline entries and action items are read here).
import type { Tx } from "@/lib/db/client";
import { loadComponents, loadIncidentsOverlapping } from "@/lib/db/timeline-queries";
import type { MetricsData } from "@/lib/metrics/report";

/** Incidents open at any time in [from, to), each one's earliest internal entry, and the action items alive in it. */
export async function loadMetricsData(db: Tx, range: { from: Date; to: Date }): Promise<MetricsData> {
  const [components, incidents, actionItems] = await Promise.all([
    loadComponents(db),
    loadIncidentsOverlapping(db, range),
    db.actionItem.findMany({
      where: { createdAt: { lt: range.to }, OR: [{ closedAt: null }, { closedAt: { gte: range.from } }] },
      select: { createdAt: true, closedAt: true, dueAt: true },
    }),
  ]);
  const firstEntries = await db.incidentInternalEntry.groupBy({
    by: ["incidentId"],
    where: { incidentId: { in: incidents.map((incident) => incident.id) } },
    _min: { occurredAt: true },
  });
  const firstSignals = new Map<number, Date>();
  for (const entry of firstEntries) if (entry._min.occurredAt) firstSignals.set(entry.incidentId, entry._min.occurredAt);
  return { components, incidents, firstSignals, actionItems };
}
