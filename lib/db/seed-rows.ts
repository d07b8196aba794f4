// Batched inserts of demo data (see seed.ts). Ids are mapped back by natural keys (component slug,
// incident number, a post's incident + postedAt), never by row order.
import { join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import { demoToTimeline, type DemoComponent, type DemoIncident } from "@/lib/demo";
import { incidentState } from "@/lib/timeline";
import type { Tx } from "./client";

export type { Tx };

export interface InsertedCounts {
  incidents: number;
  posts: number;
  stateChanges: number;
}

const INCIDENTS_PER_BATCH = 500;
/** ≤ 9 columns × 1,000 rows stays far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ROWS_PER_STATEMENT = 1_000;

type Value = string | number | boolean | Date | null;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

function lookup<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: no id for ${what} ${String(key)}`);
  return value;
}

/** Deletes components, incidents and everything hanging off them, and deploys; users, tokens and the audit log stay. */
export async function clearContent(tx: Tx): Promise<void> {
  await tx.deployFreeze.deleteMany();
  await tx.deploy.deleteMany();
  await tx.incidentInternalEntry.deleteMany();
  await tx.componentStateChange.deleteMany();
  await tx.postRevision.deleteMany();
  await tx.post.deleteMany();
  await tx.incidentComponent.deleteMany();
  await tx.incident.deleteMany();
  // Detach sub-components first: parentId is ON DELETE RESTRICT.
  await tx.component.updateMany({ data: { parentId: null } });
  await tx.component.deleteMany();
}

/** Creates the components not there yet (by slug), systems before sub-components; returns slug → id for all. */
export async function ensureComponents(tx: Tx, components: readonly DemoComponent[]): Promise<{ ids: Map<string, number>; created: number }> {
  const ids = new Map((await tx.component.findMany({ select: { id: true, slug: true } })).map((row) => [row.slug, row.id]));
  const missing = components.filter((component) => !ids.has(component.slug));
  for (const level of [missing.filter((c) => c.parentSlug === null), missing.filter((c) => c.parentSlug !== null)]) {
    if (level.length === 0) continue;
    const rows = await tx.component.createManyAndReturn({
      data: level.map(({ slug, name, description, position, parentSlug }) => ({
        slug,
        name,
        description,
        position,
        parentId: parentSlug === null ? null : lookup(ids, parentSlug, "component"),
      })),
      select: { id: true, slug: true },
    });
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return { ids, created: missing.length };
}

/**
 * One multi-row INSERT per 1,000 rows through Prisma's parameter binding (same SQL on both providers).
 * createMany costs ≈ 200 µs a row in Prisma 7's client, this ≈ 50 µs: 10,000 incidents seed in seconds.
 */
async function insertValues<Returned>(tx: Tx, into: string, rows: readonly Value[][], returning = ""): Promise<Returned[]> {
  const returned: Returned[] = [];
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    const values = join(chunk.map((row) => sql`(${join(row)})`));
    const statement = sql`INSERT INTO ${raw(into)} VALUES ${values}${raw(returning && ` RETURNING ${returning}`)}`;
    if (returning) returned.push(...(await tx.$queryRaw<Returned[]>(statement)));
    else await tx.$executeRaw(statement);
  }
  return returned;
}

/** Inserts incidents with their posts, state changes and affected components. */
export async function insertIncidents(
  tx: Tx,
  incidents: readonly DemoIncident[],
  componentIds: ReadonlyMap<string, number>,
  now: Date,
): Promise<InsertedCounts> {
  const counts: InsertedCounts = { incidents: 0, posts: 0, stateChanges: 0 };
  const componentId = (slug: string) => lookup(componentIds, slug, "component");
  for (const batch of chunks(incidents, INCIDENTS_PER_BATCH)) {
    const incidentIds = await insertIncidentRows(tx, batch, componentIds, now);
    const incidentId = (incident: DemoIncident) => lookup(incidentIds, incident.number, "incident");
    const links = batch.flatMap((incident) => incident.componentSlugs.map((slug) => [incidentId(incident), componentId(slug)]));
    await insertValues(tx, '"IncidentComponent" ("incidentId", "componentId")', links);

    const posts = batch.flatMap((incident) => incident.posts.map((post) => ({ incidentId: incidentId(incident), post })));
    const postRows = await insertValues<{ id: number; incidentId: number; postedAt: Date }>(
      tx,
      '"Post" ("incidentId", "type", "body", "postedAt", "createdAt", "updatedAt")',
      posts.map(({ incidentId, post }) => [incidentId, post.type, post.body, post.postedAt, post.postedAt, now]),
      '"id", "incidentId", "postedAt"',
    );
    const postIds = new Map(postRows.map((row) => [postKey(row.incidentId, row.postedAt), row.id]));
    const changes = posts.flatMap(({ incidentId, post }) =>
      post.changes.map((change) => [lookup(postIds, postKey(incidentId, post.postedAt), "post"), componentId(change.componentSlug), change.state]),
    );
    await insertValues(tx, '"ComponentStateChange" ("postId", "componentId", "state")', changes);
    await insertInternalStories(tx, batch, incidentId);

    counts.incidents += batch.length;
    counts.posts += posts.length;
    counts.stateChanges += changes.length;
  }
  return counts;
}

/** The demo's internal timelines and the deploys their stories need (few rows: one statement each). */
async function insertInternalStories(tx: Tx, batch: readonly DemoIncident[], incidentId: (incident: DemoIncident) => number): Promise<void> {
  const entries = batch.flatMap((incident) =>
    (incident.internal ?? []).map((entry) => [incidentId(incident), entry.kind, entry.at, entry.at, entry.author, entry.body, entry.systemCode ?? null]),
  );
  await insertValues(tx, '"IncidentInternalEntry" ("incidentId", "kind", "occurredAt", "createdAt", "authorLabel", "body", "systemCode")', entries);
  const deploys = batch.flatMap((incident) =>
    (incident.deploys ?? []).map((d) => [
      d.service,
      d.version,
      d.previousVersion,
      d.environment,
      d.deployedBy,
      d.deployedAt,
      d.deployedAt,
      "demo",
      d.forcedBy !== undefined,
      d.forcedBy ?? null,
    ]),
  );
  await insertValues(
    tx,
    '"Deploy" ("service", "version", "previousVersion", "environment", "deployedBy", "deployedAt", "createdAt", "recordedByLabel", "forcedThroughGate", "forcedBy")',
    deploys,
  );
}

function postKey(incidentId: number, postedAt: Date): string {
  return `${incidentId}@${postedAt.getTime()}`;
}

/** resolvedAt comes from the timeline core, as the publish use-case sets it: null while open. */
async function insertIncidentRows(tx: Tx, batch: readonly DemoIncident[], componentIds: ReadonlyMap<string, number>, now: Date): Promise<Map<number, number>> {
  const rows = await insertValues<{ id: number; number: number }>(
    tx,
    '"Incident" ("number", "title", "kind", "openedAt", "resolvedAt", "scheduledStartAt", "scheduledEndAt", "createdAt", "updatedAt")',
    batch.map((incident) => [
      incident.number,
      incident.title,
      incident.kind,
      incident.openedAt,
      incidentState(demoToTimeline(incident, componentIds), now).endedAt,
      incident.scheduledStartAt,
      incident.scheduledEndAt,
      incident.openedAt,
      now,
    ]),
    '"id", "number"',
  );
  return new Map(rows.map((row) => [row.number, row.id]));
}
