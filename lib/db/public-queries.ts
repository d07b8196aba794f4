// Reads for the public pages: incidents with their post bodies. Same queries on both providers.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Db } from "@/lib/db/client";
import { timelineInclude, toTimelineIncident } from "@/lib/db/timeline-queries";
import type { TimelineIncident, TimelinePost } from "@/lib/timeline/types";

export interface PublicPost extends TimelinePost {
  body: string;
  /** True when the post was edited after publishing (earlier texts are kept as revisions). */
  edited: boolean;
}

export interface PublicIncident extends TimelineIncident {
  resolvedAt: Date | null;
  updatedAt: Date;
  posts: PublicPost[];
}

// The timeline's own include, plus the post bodies and revision counts the pages show.
const publicInclude = {
  ...timelineInclude,
  posts: {
    ...timelineInclude.posts,
    select: { ...timelineInclude.posts.select, body: true, _count: { select: { revisions: true } } },
  },
} satisfies Prisma.IncidentInclude;

type Row = Prisma.IncidentGetPayload<{ include: typeof publicInclude }>;

function toPublicIncident(row: Row): PublicIncident {
  const incident = toTimelineIncident(row);
  return {
    ...incident,
    resolvedAt: row.resolvedAt,
    updatedAt: row.updatedAt,
    posts: row.posts.map((post, index) => ({ ...incident.posts[index]!, body: post.body, edited: post._count.revisions > 0 })),
  };
}

async function findPublic(db: Db, args: { where: Prisma.IncidentWhereInput; take?: number; skip?: number }): Promise<PublicIncident[]> {
  const rows = await db.incident.findMany({
    where: { deletedAt: null, ...args.where },
    include: publicInclude,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: args.take,
    skip: args.skip,
  });
  return rows.map(toPublicIncident);
}

export async function loadPublicIncident(db: Db, number: number): Promise<PublicIncident | null> {
  const [incident] = await findPublic(db, { where: { number }, take: 1 });
  return incident ?? null;
}

/** Open incidents and maintenance that has not ended (upcoming or in progress). */
export function loadActivePublicIncidents(db: Db, now: Date): Promise<PublicIncident[]> {
  return findPublic(db, {
    where: {
      resolvedAt: null,
      OR: [{ kind: "incident" }, { kind: "maintenance", OR: [{ scheduledEndAt: null }, { scheduledEndAt: { gt: now } }] }],
    },
  });
}

/** The most recently resolved incidents (not maintenance). */
export function loadRecentlyResolved(db: Db, take: number): Promise<PublicIncident[]> {
  return findPublic(db, { where: { kind: "incident", resolvedAt: { not: null } }, take });
}

/** Incidents opened in [from, to), optionally only those affecting one of the given components. */
export function loadIncidentsOpenedBetween(db: Db, range: { from: Date; to: Date; componentIds?: number[] }): Promise<PublicIncident[]> {
  return findPublic(db, {
    where: {
      openedAt: { gte: range.from, lt: range.to },
      ...(range.componentIds ? { components: { some: { componentId: { in: range.componentIds } } } } : {}),
    },
  });
}

/** The newest incidents affecting a component (or its sub-components when given several ids). */
export function loadIncidentsForComponents(db: Db, componentIds: number[], take: number): Promise<PublicIncident[]> {
  return findPublic(db, { where: { components: { some: { componentId: { in: componentIds } } } }, take });
}

/** The earliest incident's opening time, to know where history ends. */
export async function firstIncidentOpenedAt(db: Db): Promise<Date | null> {
  const first = await db.incident.findFirst({ where: { deletedAt: null }, orderBy: { openedAt: "asc" }, select: { openedAt: true } });
  return first?.openedAt ?? null;
}

/** Every public incident's number, newest first (for the static export of the whole site). */
export async function listPublicIncidentNumbers(db: Db): Promise<number[]> {
  const rows = await db.incident.findMany({ where: { deletedAt: null }, select: { number: true }, orderBy: [{ openedAt: "desc" }, { id: "desc" }] });
  return rows.map((row) => row.number);
}
