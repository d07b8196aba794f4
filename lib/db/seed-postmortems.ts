// The demo's postmortems into the database (see seed.ts): published, with their kept timeline lines
// and action items, found by their incident's number.
import type { DemoPostmortem } from "@/lib/demo";
import type { Tx } from "./client";

export async function insertPostmortems(tx: Tx, postmortems: readonly DemoPostmortem[]): Promise<void> {
  for (const { incidentNumber, lines, actionItems, publishedAt, publishedBody, authorLabel, ...sections } of postmortems) {
    const incident = await tx.incident.findUniqueOrThrow({ where: { number: incidentNumber }, select: { id: true } });
    await tx.postmortem.create({
      data: {
        incidentId: incident.id,
        ...sections,
        state: "published",
        authorLabel,
        publishedAt,
        publishedBody,
        publishedByLabel: authorLabel,
        createdAt: publishedAt,
        lines: { create: lines.map((line, position) => ({ ...line, position })) },
        actionItems: { create: actionItems.map((item) => ({ ...item, incidentId: incident.id })) },
      },
    });
  }
}
