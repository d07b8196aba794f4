// The internal timeline's rows: one writer for every kind of entry, and the admin's reader. Nothing
// here is reachable from the public side (lib/db/public-read.ts never reads IncidentInternalEntry).
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import type { DeployEnvironment } from "@/lib/validation/deploys";
import type { InternalEntry, InternalEntryKind } from "./view";

export interface NewInternalEntry {
  incidentId: number;
  kind: InternalEntryKind;
  occurredAt: Date;
  /** null for what Beacon writes by itself. */
  author: Pick<Actor, "userId" | "label"> | null;
  body?: string;
  linkTitle?: string;
  linkUrl?: string;
  fromUserId?: number | null;
  toUserId?: number | null;
  systemCode?: string;
  environment?: DeployEnvironment;
}

export async function writeInternalEntry(tx: Tx, entry: NewInternalEntry): Promise<{ id: number }> {
  const { author, ...fields } = entry;
  return tx.incidentInternalEntry.create({
    data: { ...fields, createdAt: entry.occurredAt, authorId: author?.userId ?? null, authorLabel: author?.label ?? "system" },
    select: { id: true },
  });
}

/** How a person is named on the internal timeline and the dashboard. */
export function personLabel(user: { email: string; name: string }): string {
  return user.name ? `${user.name} (${user.email})` : user.email;
}

const person = { select: { email: true, name: true } } as const;

/** The incident's internal entries, oldest first. */
export async function loadInternalEntries(db: Db, incidentId: number): Promise<InternalEntry[]> {
  const rows = await db.incidentInternalEntry.findMany({
    where: { incidentId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    include: { fromUser: person, toUser: person },
  });
  return rows.map(({ fromUser, toUser, ...row }) => ({
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurredAt,
    authorLabel: row.authorLabel,
    body: row.body,
    linkTitle: row.linkTitle,
    linkUrl: row.linkUrl,
    fromUser: fromUser ? personLabel(fromUser) : null,
    toUser: toUser ? personLabel(toUser) : null,
    systemCode: row.systemCode,
    environment: row.environment,
  }));
}
