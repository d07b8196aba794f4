// The data each public answer needs, read through the one query module (lib/db/public-read.ts).
// Nothing is cached here: the prepared answers built from it are (lib/public/answers.ts), so a
// publish or a few seconds make the next answer read fresh data. Only work that reads many answers
// at one instant (the snapshot) shares its reads, through withSharedReads().
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db/client";
import {
  firstIncidentOpenedAt,
  loadActivePublicIncidents,
  loadBrandSetting,
  loadIncidentsOpenedBetween,
  loadNewestIncidents,
  loadPageLanguage,
  loadPublicComponents,
  loadPublicIncident,
  loadRecentlyResolved,
} from "@/lib/db/public-read";
import { loadIncidentsOverlapping } from "@/lib/db/timeline-queries";
import { DAY_MS } from "@/lib/timeline/dates";
import type { ComponentRow, IncidentKind, PublicComponent, PublicIncident, TimelineIncident } from "@/lib/timeline/types";
import { UPTIME_DAYS, uptimeWindowStart } from "@/lib/public/views";
import { DEFAULT_LOCALE, type Locale, localeSchema } from "@/lib/i18n";
import { BRAND_KEY, type Brand, type BrandImageKind, brandFrom, brandImageKey, storedImageSchema, type StoredImage } from "@/lib/branding/brand";

/** The longest list any endpoint serves (v3 issues, v4 incidents); feeds and Statuspage lists take 50. */
export const NEWEST_LIMIT = 200;
export const FEED_ITEMS = 50;
const RECENTLY_RESOLVED = 5;
const COMPONENT_INCIDENTS = 20;

/** A component and, for a system, its sub-components. */
export function familyIds(components: readonly ComponentRow[], component: ComponentRow): number[] {
  return [component.id, ...components.filter((child) => child.parentId === component.id).map((child) => child.id)];
}

/** A visible component by slug, or null. */
export function visibleComponent<C extends ComponentRow>(components: readonly C[], slug: string): C | null {
  return components.find((candidate) => candidate.slug === slug && !candidate.hidden) ?? null;
}

const sharedScope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();
let sharing = 0;

/**
 * Runs `work` with the reads every page repeats (components, open incidents, newest lists) made once.
 * The reads are dropped when `work` ends: every promise created inside keeps the scope's map alive
 * (Prisma keeps its last closed transactions, and with them the map, for minutes), so without
 * clearing it each snapshot's large result sets stayed on the heap.
 */
export async function withSharedReads<T>(work: () => Promise<T>): Promise<T> {
  const reads = new Map<string, Promise<unknown>>();
  sharing += 1;
  try {
    return await sharedScope.run(reads, work);
  } finally {
    reads.clear();
    // While any AsyncLocalStorage is enabled, Node 20 runs hooks on every promise and socket write of
    // the process (a promise costs 3-4 times as much): enabled only while a snapshot is collected.
    sharing -= 1;
    if (sharing === 0) sharedScope.disable();
  }
}

/** `read` once per key inside withSharedReads (the snapshot), every time outside it. */
export function shared<T>(key: string, read: () => Promise<T>): Promise<T> {
  const reads = sharedScope.getStore();
  if (!reads) return read();
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    reads.set(key, pending);
  }
  return pending;
}

/** The language pages speak when the address names none: the admin's choice, else English. */
export const readPageLanguage = (): Promise<Locale> =>
  shared("page language", async () => localeSchema.catch(DEFAULT_LOCALE).parse(await loadPageLanguage(db())));

/** The page's name, colour, links and image descriptions (lib/branding): a few hundred bytes, read with every answer. */
export const readBrand = (): Promise<Brand> => shared("brand", async () => brandFrom(await loadBrandSetting(db(), BRAND_KEY)));

/** The logo's or favicon's bytes, or null; only its own endpoint reads them. */
export async function readBrandImage(kind: BrandImageKind): Promise<StoredImage | null> {
  const parsed = storedImageSchema.safeParse(await loadBrandSetting(db(), brandImageKey(kind)));
  return parsed.success ? parsed.data : null;
}

export const readComponents = (): Promise<PublicComponent[]> => shared("components", () => loadPublicComponents(db()));

/** Open incidents and maintenance that has not ended. */
export const readActive = (now: Date): Promise<PublicIncident[]> => shared(`active ${now.getTime()}`, () => loadActivePublicIncidents(db(), now));

/** The newest NEWEST_LIMIT incidents by opening time, of one kind or of both. */
export const readNewest = (kind: IncidentKind | "any", take = NEWEST_LIMIT): Promise<PublicIncident[]> =>
  shared(`newest ${kind} ${take}`, () => loadNewestIncidents(db(), { take, kind: kind === "any" ? undefined : kind }));

/** The newest incidents affecting a component (a system includes its sub-components). */
export const readComponentIncidents = (components: readonly ComponentRow[], component: ComponentRow, take = FEED_ITEMS): Promise<PublicIncident[]> =>
  loadNewestIncidents(db(), { take, componentIds: familyIds(components, component) });

export const readIncident = (number: number): Promise<PublicIncident | null> => loadPublicIncident(db(), number);

/** Incidents that can colour the uptime bars' window (the UPTIME_DAYS up to now). */
export function readUptimeWindow(now: Date): Promise<TimelineIncident[]> {
  const from = uptimeWindowStart(now);
  return shared(`uptime ${now.getTime()}`, () => loadIncidentsOverlapping(db(), { from, to: new Date(from.getTime() + (UPTIME_DAYS + 1) * DAY_MS) }));
}

export interface HomeData {
  components: PublicComponent[];
  active: PublicIncident[];
  recentlyResolved: PublicIncident[];
  uptimeWindow: TimelineIncident[];
}

export async function readHome(now: Date): Promise<HomeData> {
  const [components, active, recentlyResolved, uptimeWindow] = await Promise.all([
    readComponents(),
    readActive(now),
    loadRecentlyResolved(db(), RECENTLY_RESOLVED),
    readUptimeWindow(now),
  ]);
  return { components, active, recentlyResolved, uptimeWindow };
}

export interface IncidentData {
  components: PublicComponent[];
  incident: PublicIncident | null;
}

export async function readIncidentPage(number: number): Promise<IncidentData> {
  const [components, incident] = await Promise.all([readComponents(), readIncident(number)]);
  return { components, incident };
}

export interface HistoryData {
  components: PublicComponent[];
  incidents: PublicIncident[];
  firstOpenedAt: Date | null;
}

/** Incidents opened in [from, to), optionally for one component (a system includes its sub-components). */
export async function readHistory(range: { from: Date; to: Date; componentSlug: string | null }): Promise<HistoryData> {
  const components = await readComponents();
  const selected = range.componentSlug ? components.find((component) => component.slug === range.componentSlug) : undefined;
  const [incidents, firstOpenedAt] = await Promise.all([
    range.componentSlug && !selected
      ? Promise.resolve([])
      : loadIncidentsOpenedBetween(db(), { from: range.from, to: range.to, componentIds: selected ? familyIds(components, selected) : undefined }),
    firstIncidentOpenedAt(db()),
  ]);
  return { components, incidents, firstOpenedAt };
}

export interface ComponentData {
  components: PublicComponent[];
  component: PublicComponent | null;
  incidents: PublicIncident[];
  uptimeWindow: TimelineIncident[];
}

export async function readComponentPage(slug: string, now: Date): Promise<ComponentData> {
  const components = await readComponents();
  const component = visibleComponent(components, slug);
  if (!component) return { components, component, incidents: [], uptimeWindow: [] };
  const [incidents, uptimeWindow] = await Promise.all([readComponentIncidents(components, component, COMPONENT_INCIDENTS), readUptimeWindow(now)]);
  return { components, component, incidents, uptimeWindow };
}
