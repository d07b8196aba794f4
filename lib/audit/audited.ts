// The two writes that are nothing but a row and its audit event: creating one, and deleting one if it
// is still there. Each runs in one transaction, so the row and the log cannot disagree; the event's
// target is the row's id.
import type { Db, Tx } from "@/lib/db/client";
import { type AuditInput, recordAudit } from "./log";

/** Creates a row and records the event `event` describes for it (its target is the new row's id). */
export function createAudited<Row extends { id: number }>(
  db: Db,
  create: (tx: Tx) => Promise<Row>,
  event: (row: Row) => Omit<AuditInput, "targetId">,
): Promise<Row> {
  return db.$transaction(async (tx) => {
    const row = await create(tx);
    await recordAudit(tx, { ...event(row), targetId: row.id });
    return row;
  });
}

/** Deletes a row and records the event `event` describes for it; a row already gone (a second click, a stale page) changes and records nothing. */
export async function deleteAudited<Row extends { id: number }>(
  db: Db,
  row: { find: (tx: Tx) => Promise<Row | null>; delete: (tx: Tx) => Promise<unknown> },
  event: (row: Row) => Omit<AuditInput, "targetId">,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await row.find(tx);
    if (!found) return;
    await row.delete(tx);
    await recordAudit(tx, { ...event(found), targetId: found.id });
  });
}
