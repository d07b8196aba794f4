// Builds a snapshot of the public site from live data: the rendered pages, the feeds, the
// Statuspage/Heroku API payloads, badges and the maintenance calendar — exactly the bytes Beacon
// serves, produced by the same renderers and endpoint handlers. A snapshot is only ever built
// from live data: if anything could not be read, collection fails and the previous snapshot
// stays (a snapshot must never freeze "Status unknown", or a guess, in place).
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { describeDatabaseError, isDatabaseUnreachable } from "@/lib/db/database-errors";
import { listPublicIncidentNumbers } from "@/lib/db/public-queries";
import { loadEnv } from "@/lib/runtime/env";
import { activeIncidents, formatContext, newestIncidents, FEED_ITEMS } from "@/lib/http/public-data";
import { matchPublicEndpoint, PUBLIC_ENDPOINTS } from "@/lib/http/public-endpoints";
import { componentPage, historyPage, homePage, incidentPage, type RenderedPage } from "@/lib/public/pages";
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

export function etagOf(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

const HTML = "text/html; charset=utf-8";
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
    return await collect(scope, now, emit);
  } catch (error) {
    if (isDatabaseUnreachable(error)) throw new SnapshotNotLive(describeDatabaseError(error), { cause: error });
    throw error;
  }
}

async function collect(scope: SnapshotScope, now: Date, emit: (entry: SnapshotEntry) => void): Promise<Omit<Snapshot, "entries">> {
  const { publicUrl } = loadEnv();
  const ctx = await formatContext(now, publicUrl);
  const components = ctx.components.filter((component) => !component.hidden);
  const [active, newest] = await Promise.all([activeIncidents(now), newestIncidents("any")]);
  const numbers =
    scope === "site"
      ? await listPublicIncidentNumbers(db())
      : [...new Set([...active.map((incident) => incident.number), ...newest.slice(0, LIVE_INCIDENT_PAGES).map((incident) => incident.number)])];

  const addPage = async (path: string, render: (options: { lastKnownAt?: Date }) => Promise<RenderedPage>): Promise<string | null> => {
    await letRequestsThrough();
    const live = await render({});
    if (live.stale || live.status >= 500) throw new SnapshotNotLive(`${path} could not be rendered from live data`);
    if (live.status !== 200) return null;
    const html = scope === "site" ? staticLinks(live.html) : live.html;
    const body = Buffer.from(html, "utf8");
    const entry: SnapshotEntry = { path, file: snapshotFileFor(path, HTML), contentType: HTML, body, etag: etagOf(body), fallback: "last-known" };
    if (scope === "live") entry.lastKnown = Buffer.from((await render({ lastKnownAt: now })).html, "utf8");
    emit(entry);
    return live.html;
  };

  const addEndpoint = async (path: string, fallback: FallbackUse): Promise<void> => {
    const match = matchPublicEndpoint(path);
    if (!match) throw new Error(`not a public endpoint: ${path}`);
    await letRequestsThrough();
    const response = await match.handler(new Request(`${publicUrl}${path}`), { params: Promise.resolve(match.params) });
    if (response.status === 404) return;
    if (response.status !== 200) throw new SnapshotNotLive(`${path} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "application/octet-stream";
    emit({ path, file: snapshotFileFor(path, contentType), contentType, body, etag: response.headers.get("etag") ?? etagOf(body), fallback });
  };

  await addPage("/", (options) => homePage(now, options));
  let historyHtml = await addPage("/history", (options) => historyPage({ page: 1, component: null }, now, options));
  if (scope === "site") {
    // Follow "older" links until the first incident's month.
    for (let page = 2; historyHtml?.includes(`href="/history?page=${page}"`) && page <= 10_000; page += 1) {
      const current = page;
      historyHtml = await addPage(`/history?page=${current}`, (options) => historyPage({ page: current, component: null }, now, options));
    }
  }
  for (const component of components) await addPage(`/components/${component.slug}`, (options) => componentPage(component.slug, now, options));
  for (const number of numbers) await addPage(`/incidents/${number}`, (options) => incidentPage(number, now, options));

  for (const pattern of Object.keys(PUBLIC_ENDPOINTS)) {
    if (pattern.includes(":")) continue;
    await addEndpoint(pattern, pattern.endsWith(".svg") ? "never" : "as-is");
  }
  for (const component of components) {
    await addEndpoint(`/components/${component.slug}/history.rss`, "as-is");
    await addEndpoint(`/components/${component.slug}/history.atom`, "as-is");
    await addEndpoint(`/components/${component.slug}/badge.svg`, "never");
  }
  for (const number of numbers) await addEndpoint(`/api/v3/issues/${number}`, "as-is");

  return { generatedAt: now, publicUrl, scope };
}

/**
 * With the data cached, rendering every page resolves through microtasks alone: without a break,
 * the whole snapshot (≈ 1 s) would run as one task and stall every reader meanwhile. One page at a
 * time, with the server's pending requests answered in between.
 */
function letRequestsThrough(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
