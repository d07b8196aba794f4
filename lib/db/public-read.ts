// The public read model's queries: every read behind the public pages, feeds, badges, iCal and
// the Statuspage/Heroku APIs, and the one mapper from rows to the types in lib/timeline/types.ts.
// The same queries run on SQLite and PostgreSQL.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Db } from "@/lib/db/client";
import { timelineInclude, toTimelineIncident } from "@/lib/db/timeline-queries";
import type { IncidentKind, PublicComponent, PublicIncident } from "@/lib/timeline/types";
import { PAGE_LANGUAGE_SETTING } from "@/lib/i18n";

// The timeline's own include, plus what pages and formats show beyond states.
const publicInclude = {
  ...timelineInclude,
  posts: {
    ...timelineInclude.posts,
    select: { ...timelineInclude.posts.select, body: true, statuspagePhase: true, updatedAt: true, _count: { select: { revisions: true } } },
  },
  // Only what was confirmed at publishing: never the draft's sections, its internal notes or its state.
  postmortem: { select: { publishedBody: true, publishedAt: true } },
} satisfies Prisma.IncidentInclude;

type Row = Prisma.IncidentGetPayload<{ include: typeof publicInclude }>;

function toPublicIncident(row: Row): PublicIncident {
  const incident = toTimelineIncident(row);
  return {
    ...incident,
    resolvedAt: row.resolvedAt,
    updatedAt: row.updatedAt,
    posts: row.posts.map((post, index) => ({
      ...incident.posts[index]!,
      body: post.body,
      statuspagePhase: post.statuspagePhase,
      updatedAt: post.updatedAt,
      edited: post._count.revisions > 0,
    })),
    postmortem: publishedPostmortem(row.postmortem),
  };
}

function publishedPostmortem(row: Row["postmortem"]): PublicIncident["postmortem"] {
  return row?.publishedAt && row.publishedBody !== null ? { body: row.publishedBody, publishedAt: row.publishedAt } : null;
}

async function findPublic(db: Db, where: Prisma.IncidentWhereInput, take?: number): Promise<PublicIncident[]> {
  const rows = await db.incident.findMany({
    where: { deletedAt: null, ...where },
    include: publicInclude,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take,
  });
  return rows.map(toPublicIncident);
}

const touching = (componentIds?: number[]): Prisma.IncidentWhereInput => (componentIds ? { components: { some: { componentId: { in: componentIds } } } } : {});

/** Every component (hidden ones too: their states still roll up into their systems), in display order. */
export function loadPublicComponents(db: Db): Promise<PublicComponent[]> {
  return db.component.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, slug: true, parentId: true, position: true, description: true, hidden: true, createdAt: true, updatedAt: true },
  });
}

export async function loadPublicIncident(db: Db, number: number): Promise<PublicIncident | null> {
  const [incident] = await findPublic(db, { number }, 1);
  return incident ?? null;
}

/** Open incidents, and maintenance that has not ended yet (upcoming or in progress). */
export function loadActivePublicIncidents(db: Db, now: Date): Promise<PublicIncident[]> {
  return findPublic(db, {
    resolvedAt: null,
    OR: [{ kind: "incident" }, { kind: "maintenance", OR: [{ scheduledEndAt: null }, { scheduledEndAt: { gt: now } }] }],
  });
}

/** The newest incidents by opening time, optionally of one kind or touching one of `componentIds`. */
export function loadNewestIncidents(db: Db, options: { take: number; kind?: IncidentKind; componentIds?: number[] }): Promise<PublicIncident[]> {
  return findPublic(db, { ...(options.kind ? { kind: options.kind } : {}), ...touching(options.componentIds) }, options.take);
}

/** The most recently resolved incidents (not maintenance). */
export function loadRecentlyResolved(db: Db, take: number): Promise<PublicIncident[]> {
  return findPublic(db, { kind: "incident", resolvedAt: { not: null } }, take);
}

/** Incidents opened in [from, to), optionally only those affecting one of the given components. */
export function loadIncidentsOpenedBetween(db: Db, range: { from: Date; to: Date; componentIds?: number[] }): Promise<PublicIncident[]> {
  return findPublic(db, { openedAt: { gte: range.from, lt: range.to }, ...touching(range.componentIds) });
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

/** The incident numbers with a published postmortem, newest first (their pages go into the snapshot). */
export async function listPublishedPostmortemNumbers(db: Db): Promise<number[]> {
  const rows = await db.postmortem.findMany({
    where: { publishedAt: { not: null }, publishedBody: { not: null }, incident: { deletedAt: null } },
    select: { incident: { select: { number: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  return rows.map((row) => row.incident.number);
}

/** The page's brand (lib/branding) or one of its images, as stored (the caller validates), or null: only these Setting keys. */
export async function loadBrandSetting(db: Db, key: "brand" | "brand.logo" | "brand.favicon"): Promise<unknown> {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

/** The page's default language as an admin stored it, unvalidated (the caller validates), or null. */
export async function loadPageLanguage(db: Db): Promise<unknown> {
  const row = await db.setting.findUnique({ where: { key: PAGE_LANGUAGE_SETTING }, select: { value: true } });
  return row?.value ?? null;
}
