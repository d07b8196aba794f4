// Builds a snapshot of the public site from live data: the rendered pages, the feeds, the
// Statuspage/Heroku API payloads, badges and the maintenance calendar — exactly the bytes Beacon
// serves, produced by the same renderers and endpoint handlers. A snapshot is only ever built
// from live data: if anything could not be read, collection fails and the previous snapshot
// stays (a snapshot must never freeze "Status unknown", or a guess, in place).
import { setImmediate as letRequestsThrough } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/database-errors";
import { listPublicIncidentNumbers, listPublishedPostmortemNumbers } from "@/lib/db/public-read";
import { PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { prepare } from "@/lib/public/prepared";
import { FEED_ITEMS, readActive, readComponents, readNewest, withSharedReads } from "@/lib/public/read";
import { route } from "@/lib/public/router";
import { loadEnv } from "@/lib/runtime/env";
import { snapshotFileFor, staticLinks } from "./paths";

export type SnapshotScope =
  /** What Beacon keeps in data/snapshot/ and falls back to: the pages and payloads people read during an outage. */
  | "live"
  /** `npm run snapshot`: the whole public site, every incident and history page, for static hosting. */
  | "site";

/** How Beacon may use an entry while the database is unreachable. */
export type FallbackUse =
  /** A page: serve its "last known status" variant, which carries the notice. */
  | "last-known"
  /** Feeds, APIs, calendar: serve the bytes as they were, with a header saying they are a snapshot. */
  | "as-is"
  /** Badges: never; an image cannot carry the notice, so the grey "unknown" badge stays. */
  | "never";

export interface SnapshotEntry {
  /** The URL path it answers, e.g. "/", "/incidents/386", "/api/v2/summary.json", "/history?page=2". */
  path: string;
  /** Where it lives inside the snapshot directory. */
  file: string;
  contentType: string;
  body: Buffer;
  etag: string;
  fallback: FallbackUse;
  /** Pages only: the same page rendered as "Showing the last known status from <time>". */
  lastKnown?: Buffer;
}

export interface Snapshot {
  generatedAt: Date;
  publicUrl: string;
  scope: SnapshotScope;
  entries: SnapshotEntry[];
}

/** Collection found data that is not live; the previous snapshot must stay. */
export class SnapshotNotLive extends Error {
  override name = "SnapshotNotLive";
}

const LIVE_INCIDENT_PAGES = FEED_ITEMS;

/** The snapshot in memory (what the server keeps and falls back to). */
export async function collectSnapshot(scope: SnapshotScope, now = new Date()): Promise<Snapshot> {
  const entries: SnapshotEntry[] = [];
  const meta = await collectInto(scope, now, (entry) => entries.push(entry));
  return { ...meta, entries };
}

/** Hands each entry to `emit` as soon as it is made, so a whole-site export holds one page at a time. */
export async function collectInto(scope: SnapshotScope, now: Date, emit: (entry: SnapshotEntry) => void): Promise<Omit<Snapshot, "entries">> {
  try {
    // One instant, one set of reads: every page shares the components, open incidents and lists.
    return await withSharedReads(() => collect(scope, now, emit));
  } catch (error) {
    if (isDatabaseUnreachable(error)) throw new SnapshotNotLive(describeDatabaseError(error), { cause: error });
    throw error;
  }
}

/**
 * One address through the endpoint table, as the server answers it: read once, rendered live (and,
 * for a page kept for outages, as "the last known status"), prepared like every answer. Null for a
 * 404 (e.g. a component without a feed); anything else but a 200 means the data is not live.
 */
async function entryFor(address: string, scope: SnapshotScope, now: Date): Promise<SnapshotEntry | null> {
  const [pathname = "/", search = ""] = address.split("?", 2);
  const found = route(pathname, search ? `?${search}` : "");
  if (!found || found.error) throw new Error(`not a public address: ${address}`);
  const { endpoint, params, query } = found;
  const ctx = { now, baseUrl: loadEnv().publicUrl, params, query };
  // Every pending request is answered between two entries: a snapshot must not stall readers.
  await letRequestsThrough();
  const data = await endpoint.read({ params, query, now });
  const rendered = endpoint.render(data, ctx);
  if (rendered.status === 404) return null;
  if (rendered.status !== 200) throw new SnapshotNotLive(`${address} answered ${rendered.status}`);
  const page = endpoint.snapshot === "last-known";
  const body = scope === "site" && page ? staticLinks(String(rendered.body)) : rendered.body;
  const prepared = prepare({ ...rendered, body }, endpoint.kind);
  const entry: SnapshotEntry = {
    path: address,
    file: snapshotFileFor(address, rendered.contentType),
    contentType: rendered.contentType,
    body: prepared.identity,
    etag: prepared.etag,
    fallback: endpoint.snapshot === "skip" ? "never" : endpoint.snapshot,
  };
  if (page && scope === "live") entry.lastKnown = Buffer.from(String(endpoint.render(data, { ...ctx, lastKnownAt: now }).body), "utf8");
  return entry;
}

async function collect(scope: SnapshotScope, now: Date, emit: (entry: SnapshotEntry) => void): Promise<Omit<Snapshot, "entries">> {
  const { publicUrl } = loadEnv();
  const components = (await readComponents()).filter((component) => !component.hidden);
  const [active, newest] = await Promise.all([readActive(now), readNewest("any")]);
  const numbers =
    scope === "site"
      ? await listPublicIncidentNumbers(db())
      : [...new Set([...active.map((incident) => incident.number), ...newest.slice(0, LIVE_INCIDENT_PAGES).map((incident) => incident.number)])];

  const add = async (address: string): Promise<SnapshotEntry | null> => {
    const entry = await entryFor(address, scope, now);
    if (entry) emit(entry);
    return entry;
  };

  await add("/");
  let history = await add("/history");
  if (scope === "site") {
    // Follow "older" links until the first incident's month.
    for (let page = 2; history?.body.includes(`href="/history/page/${page}/"`) && page <= 10_000; page += 1) history = await add(`/history?page=${page}`);
  }
  for (const component of components) await add(`/components/${component.slug}`);
  for (const number of numbers) await add(`/incidents/${number}`);
  const listed = new Set(numbers);
  for (const number of await listPublishedPostmortemNumbers(db())) if (listed.has(number)) await add(`/incidents/${number}/postmortem`);

  // Every fixed address of the table, then each component's and incident's own payloads.
  for (const endpoint of PUBLIC_ENDPOINTS) {
    if (endpoint.kind === "payload" && endpoint.snapshot !== "skip" && !endpoint.path.includes(":")) await add(endpoint.path);
  }
  for (const component of components) {
    for (const suffix of ["history.rss", "history.atom", "badge.svg"]) await add(`/components/${component.slug}/${suffix}`);
  }
  for (const number of numbers) await add(`/api/v3/issues/${number}`);

  return { generatedAt: now, publicUrl, scope };
}
