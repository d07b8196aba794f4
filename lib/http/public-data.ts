// The data behind feeds and the machine-readable APIs, read through the public cache, so a publish
// (invalidatePublicViews) refreshes them all at once. Only data is cached: states are derived per
// request with the current time. Every key is bounded (no key is built from arbitrary input).
import { db } from "@/lib/db/client";
import {
  loadActiveFeedIncidents,
  loadFeedComponents,
  loadFeedIncident,
  loadNewestFeedIncidents,
  type FeedComponent,
  type FeedIncident,
} from "@/lib/db/feed-queries";
import { cachedPublic } from "@/lib/public/cache";
import { familyIds } from "@/lib/public/data";
import type { IncidentKind } from "@/lib/timeline/types";
import type { FormatContext } from "@/lib/formats/common";
import { NotFoundError } from "./public-response";

/** The longest list any endpoint serves (v3 issues, v4 incidents); feeds and Statuspage lists take 50. */
export const NEWEST_LIMIT = 200;
export const FEED_ITEMS = 50;

async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  return (await cachedPublic(`formats:${key}`, load)).value;
}

export async function formatContext(now: Date, baseUrl: string): Promise<FormatContext> {
  return { now, baseUrl, components: await cached("components", () => loadFeedComponents(db())) };
}

/** Open incidents and maintenance that has not ended. */
export function activeIncidents(now: Date): Promise<FeedIncident[]> {
  return cached("active", () => loadActiveFeedIncidents(db(), now));
}

/** The newest NEWEST_LIMIT incidents by opening time, of one kind or of both. */
export function newestIncidents(kind: IncidentKind | "any"): Promise<FeedIncident[]> {
  return cached(`newest:${kind}`, () => loadNewestFeedIncidents(db(), { take: NEWEST_LIMIT, kind: kind === "any" ? undefined : kind }));
}

/** A visible component by slug, or a 404. */
export function visibleComponent(ctx: FormatContext, slug: string): FeedComponent {
  const component = ctx.components.find((candidate) => candidate.slug === slug && !candidate.hidden);
  if (!component) throw new NotFoundError(`There is no component "${slug}".`);
  return component;
}

/** The newest incidents affecting a component (a system includes its sub-components). */
export function componentIncidents(ctx: FormatContext, component: FeedComponent): Promise<FeedIncident[]> {
  return cached(`component:${component.slug}`, () =>
    loadNewestFeedIncidents(db(), { take: FEED_ITEMS, componentIds: familyIds([...ctx.components], component) }),
  );
}

/** One incident by its public number: from the cached newest list, else read directly (not cached). */
export async function incidentByNumber(number: number): Promise<FeedIncident> {
  const incident = (await newestIncidents("any")).find((candidate) => candidate.number === number) ?? (await loadFeedIncident(db(), number));
  if (!incident) throw new NotFoundError(`There is no incident ${number}.`);
  return incident;
}
