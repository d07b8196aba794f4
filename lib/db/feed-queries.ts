// Reads for feeds and the machine-readable APIs (Statuspage v2, Heroku v3/v4, iCal, badges):
// incidents with their post bodies and the few row fields those formats carry (record times,
// Statuspage phase overrides). Same queries on SQLite and PostgreSQL.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Db } from "@/lib/db/client";
import { timelineInclude, toTimelineIncident, type ComponentRow } from "@/lib/db/timeline-queries";
import type { IncidentKind, TimelineIncident, TimelinePost } from "@/lib/timeline/types";

/** Statuspage's finer phases; a post may carry one to override its type's default phase. */
export type StatuspagePhase = "investigating" | "identified" | "monitoring" | "resolved" | "scheduled" | "in_progress" | "verifying" | "completed";

export interface FeedComponent extends ComponentRow {
  createdAt: Date;
  updatedAt: Date;
}

export interface FeedPost extends TimelinePost {
  /** Markdown as the commander wrote it. */
  body: string;
  statuspagePhase: StatuspagePhase | null;
  updatedAt: Date;
  /** Revised after publishing (the earlier texts are kept as revisions). */
  edited: boolean;
}

export interface FeedIncident extends TimelineIncident {
  posts: FeedPost[];
}

// The timeline's own include, plus what the formats carry beyond states.
const feedInclude = {
  ...timelineInclude,
  posts: {
    ...timelineInclude.posts,
    select: { ...timelineInclude.posts.select, body: true, statuspagePhase: true, updatedAt: true, _count: { select: { revisions: true } } },
  },
} satisfies Prisma.IncidentInclude;

type Row = Prisma.IncidentGetPayload<{ include: typeof feedInclude }>;

function toFeedIncident(row: Row): FeedIncident {
  const incident = toTimelineIncident(row);
  return {
    ...incident,
    posts: row.posts.map((post, index) => ({
      ...incident.posts[index]!,
      body: post.body,
      statuspagePhase: post.statuspagePhase,
      updatedAt: post.updatedAt,
      edited: post._count.revisions > 0,
    })),
  };
}

async function findFeedIncidents(db: Db, where: Prisma.IncidentWhereInput, take?: number): Promise<FeedIncident[]> {
  const rows = await db.incident.findMany({
    where: { deletedAt: null, ...where },
    include: feedInclude,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toFeedIncident);
}

/** Every component (hidden ones too: their states still roll up into their systems), in display order. */
export function loadFeedComponents(db: Db): Promise<FeedComponent[]> {
  return db.component.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, slug: true, parentId: true, position: true, description: true, hidden: true, createdAt: true, updatedAt: true },
  });
}

/** The newest incidents by opening time, optionally of one kind or touching one of `componentIds`. */
export function loadNewestFeedIncidents(db: Db, options: { take: number; kind?: IncidentKind; componentIds?: number[] }): Promise<FeedIncident[]> {
  return findFeedIncidents(
    db,
    {
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.componentIds ? { components: { some: { componentId: { in: options.componentIds } } } } : {}),
    },
    options.take,
  );
}

/** Open incidents, and maintenance that has not ended yet (upcoming or in progress). */
export function loadActiveFeedIncidents(db: Db, now: Date): Promise<FeedIncident[]> {
  return findFeedIncidents(db, {
    resolvedAt: null,
    OR: [{ kind: "incident" }, { kind: "maintenance", OR: [{ scheduledEndAt: null }, { scheduledEndAt: { gt: now } }] }],
  });
}

export async function loadFeedIncident(db: Db, number: number): Promise<FeedIncident | null> {
  const [incident] = await findFeedIncidents(db, { number }, 1);
  return incident ?? null;
}
