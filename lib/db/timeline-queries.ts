// Reads the timeline from the database and maps rows to the timeline core's plain types.
// The same queries run on SQLite and PostgreSQL.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import type { ComponentRow, TimelineIncident } from "@/lib/timeline/types";

export type { ComponentRow };

export const timelineInclude = {
  components: { select: { componentId: true } },
  posts: {
    where: { deletedAt: null },
    orderBy: [{ postedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }] as Prisma.PostOrderByWithRelationInput[],
    select: {
      id: true,
      type: true,
      postedAt: true,
      createdAt: true,
      stateChanges: { select: { componentId: true, state: true } },
    },
  },
} satisfies Prisma.IncidentInclude;

type IncidentWithTimeline = Awaited<ReturnType<typeof findIncidents>>[number];

function findIncidents(db: Tx, where: Prisma.IncidentWhereInput) {
  return db.incident.findMany({ where, include: timelineInclude, orderBy: { openedAt: "desc" } });
}

export function toTimelineIncident(row: IncidentWithTimeline): TimelineIncident {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    kind: row.kind,
    openedAt: row.openedAt,
    scheduledStartAt: row.scheduledStartAt,
    scheduledEndAt: row.scheduledEndAt,
    componentIds: row.components.map((link) => link.componentId),
    posts: row.posts.map((post) => ({
      id: post.id,
      type: post.type,
      postedAt: post.postedAt,
      createdAt: post.createdAt,
      stateChanges: post.stateChanges,
    })),
  };
}

export async function loadComponents(db: Tx): Promise<ComponentRow[]> {
  const rows = await db.component.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map(({ id, name, slug, parentId, position, description, hidden }) => ({
    id,
    name,
    slug,
    parentId,
    position,
    description,
    hidden,
  }));
}

/**
 * Incidents whose effect can fall inside [from, to): opened before `to` and not resolved
 * before `from`. Maintenance counts by its window.
 */
export async function loadIncidentsOverlapping(db: Tx, window: { from: Date; to: Date }): Promise<TimelineIncident[]> {
  // Four flat alternatives rather than two with nested ORs: each one is then a range of the
  // (kind, resolvedAt) or (kind, scheduledEndAt) index, so a long history is never read whole.
  const opened = { kind: "incident" as const, openedAt: { lt: window.to } };
  const started = { kind: "maintenance" as const, scheduledStartAt: { lt: window.to } };
  const rows = await findIncidents(db, {
    deletedAt: null,
    OR: [
      { ...opened, resolvedAt: null },
      { ...opened, resolvedAt: { gte: window.from } },
      { ...started, scheduledEndAt: null },
      { ...started, scheduledEndAt: { gte: window.from } },
    ],
  });
  return rows.map(toTimelineIncident);
}

/** Open incidents, and maintenance that has not ended yet (upcoming or in progress). */
export function activeIncidentsWhere(now: Date): Prisma.IncidentWhereInput {
  return {
    deletedAt: null,
    resolvedAt: null,
    OR: [{ kind: "incident" }, { kind: "maintenance", OR: [{ scheduledEndAt: null }, { scheduledEndAt: { gt: now } }] }],
  };
}

export async function loadActiveIncidents(db: Tx, now: Date): Promise<TimelineIncident[]> {
  const rows = await findIncidents(db, activeIncidentsWhere(now));
  return rows.map(toTimelineIncident);
}

export async function loadIncidentByNumber(db: Tx, number: number): Promise<TimelineIncident | null> {
  const row = await db.incident.findFirst({ where: { number, deletedAt: null }, include: timelineInclude });
  return row ? toTimelineIncident(row) : null;
}
