// What the admin reads of postmortems and action items. The public side never calls these: it reads
// only the published text, through lib/db/public-read.ts.
import type { Db, Tx } from "@/lib/db/client";
import { DAY_MS } from "@/lib/timeline/dates";
import type { DraftInternalEvent } from "./template";

export function loadPostmortemForAdmin(db: Db | Tx, incidentNumber: number) {
  return db.postmortem.findFirst({
    where: { incident: { number: incidentNumber, deletedAt: null } },
    include: {
      incident: { select: { id: true, number: true, title: true } },
      lines: { orderBy: [{ at: "asc" }, { position: "asc" }, { id: "asc" }] },
      actionItems: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
}
export type AdminPostmortem = NonNullable<Awaited<ReturnType<typeof loadPostmortemForAdmin>>>;

/** One readable line per internal timeline entry (notes, links, handoffs, system events, freezes). */
export async function loadInternalEvents(db: Db | Tx, incidentId: number): Promise<DraftInternalEvent[]> {
  const entries = await db.incidentInternalEntry.findMany({
    where: { incidentId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { occurredAt: true, kind: true, body: true, linkTitle: true, environment: true, toUser: { select: { name: true, email: true } } },
  });
  return entries.map((entry) => ({ occurredAt: entry.occurredAt, text: internalEventText(entry) }));
}

function internalEventText(entry: {
  kind: string;
  body: string;
  linkTitle: string | null;
  environment: string | null;
  toUser: { name: string; email: string } | null;
}): string {
  if (entry.kind === "link") return `Link: ${entry.linkTitle ?? entry.body}`;
  if (entry.kind === "handoff") return `Command taken by ${entry.toUser?.name || entry.toUser?.email || "nobody"}`;
  if (entry.kind === "deploy_freeze") return `Deploys to ${entry.environment ?? "an environment"} frozen${entry.body ? `: ${entry.body}` : ""}`;
  if (entry.kind === "deploy_unfreeze") return `Deploys to ${entry.environment ?? "an environment"} unfrozen`;
  return entry.body;
}

/** Every action item across incidents: open ones first (by due date, undated last), then done ones. */
export async function listActionItems(db: Db) {
  const items = await db.actionItem.findMany({
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    include: { incident: { select: { number: true, title: true } } },
  });
  // Sorted here: the enum orders differently in SQLite (as text) and PostgreSQL (by declaration).
  return [...items.filter((item) => item.status === "open"), ...items.filter((item) => item.status === "done")];
}

/** An open item whose due day (a UTC date) has passed: due on the 3rd, it is overdue from the 4th. */
export function isOverdue(item: { status: string; dueAt: Date | null }, now: Date): boolean {
  return item.status === "open" && item.dueAt !== null && now.getTime() >= item.dueAt.getTime() + DAY_MS;
}
