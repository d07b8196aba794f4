// Each incident's states still in force (ComponentCurrentState, Incident.currentStateAt), read and
// written for the publishing use-cases; lib/incidents/current-state.ts keeps them equal to what the
// timeline core reads off the whole timeline.
import type { Tx } from "@/lib/db/client";
import type { IncidentHeader, RunningState } from "@/lib/timeline";
import { activeIncidentsWhere } from "./timeline-queries";

/** An incident without its posts, with what is stored of its current state (null: never derived). */
export interface StoredIncident {
  header: IncidentHeader;
  resolvedAt: Date | null;
  running: RunningState[] | null;
}

const storedSelect = {
  id: true,
  number: true,
  title: true,
  kind: true,
  openedAt: true,
  resolvedAt: true,
  scheduledStartAt: true,
  scheduledEndAt: true,
  currentStateAt: true,
  components: { select: { componentId: true } },
  currentStates: { select: { componentId: true, state: true, since: true, postId: true }, orderBy: { componentId: "asc" as const } },
} as const;

type StoredRow = NonNullable<Awaited<ReturnType<typeof findStored>>>;

function findStored(db: Tx, number: number) {
  return db.incident.findFirst({ where: { number, deletedAt: null }, select: storedSelect });
}

function toStored({ components, currentStates, currentStateAt, resolvedAt, ...header }: StoredRow): StoredIncident {
  return {
    header: { ...header, componentIds: components.map((link) => link.componentId) },
    resolvedAt,
    running: currentStateAt ? currentStates : null,
  };
}

/** Open incidents and unfinished maintenance (as loadActiveIncidents), without their posts. */
export async function loadActiveStored(db: Tx, now: Date): Promise<StoredIncident[]> {
  const rows = await db.incident.findMany({ where: activeIncidentsWhere(now), select: storedSelect, orderBy: { openedAt: "desc" } });
  return rows.map(toStored);
}

export async function loadStoredByNumber(db: Tx, number: number): Promise<StoredIncident | null> {
  const row = await findStored(db, number);
  return row ? toStored(row) : null;
}

/** Whether customers were ever told what was wrong: an Issue or Update post (one index probe). */
export async function hasIssueOrUpdate(db: Tx, incidentId: number): Promise<boolean> {
  const post = await db.post.findFirst({ where: { incidentId, deletedAt: null, type: { in: ["issue", "update"] } }, select: { id: true } });
  return post !== null;
}

/** Replaces the incident's stored current state, in the caller's transaction. */
export async function storeCurrentState(
  tx: Tx,
  incidentId: number,
  state: { running: readonly RunningState[]; resolvedAt: Date | null; openedAt?: Date; at: Date },
): Promise<void> {
  await tx.componentCurrentState.deleteMany({ where: { incidentId } });
  if (state.running.length > 0) await tx.componentCurrentState.createMany({ data: state.running.map((running) => ({ incidentId, ...running })) });
  await tx.incident.update({ where: { id: incidentId }, data: { resolvedAt: state.resolvedAt, openedAt: state.openedAt, currentStateAt: state.at } });
}

/** Active incidents whose current state was never derived (written before it was stored, or by the seed). */
export async function activeNeverDerived(db: Tx, now: Date): Promise<number[]> {
  const rows = await db.incident.findMany({ where: { ...activeIncidentsWhere(now), currentStateAt: null }, select: { number: true } });
  return rows.map((row) => row.number);
}
