// Loads what each public page needs through the public cache. When the database cannot be read,
// the last successfully read data is returned marked stale, so pages can say "Status unknown —
// last updated …" instead of guessing; with nothing read yet, the result is `unavailable`.
import { db } from "@/lib/db/client";
import { loadComponents, loadIncidentsOverlapping, type ComponentRow } from "@/lib/db/timeline-queries";
import {
  firstIncidentOpenedAt,
  loadActivePublicIncidents,
  loadIncidentsForComponents,
  loadIncidentsOpenedBetween,
  loadPublicIncident,
  loadRecentlyResolved,
  type PublicIncident,
} from "@/lib/db/public-queries";
import { cachedPublic } from "@/lib/public/cache";
import { uptimeWindowStart } from "@/lib/public/views";
import type { TimelineIncident } from "@/lib/timeline/types";

export type Loaded<T> = { available: true; value: T; loadedAt: Date; stale: boolean } | { available: false; lastLoadedAt: Date | null };

const globalForLastGood = globalThis as unknown as { beaconLastGood?: Map<string, { value: unknown; loadedAt: Date }> };
const lastGood = (globalForLastGood.beaconLastGood ??= new Map());

const MAX_LAST_GOOD = 2_000;

async function readThroughCache<T>(key: string, load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    const { value, loadedAt } = await cachedPublic(key, load);
    if (!lastGood.has(key) && lastGood.size >= MAX_LAST_GOOD) lastGood.delete(lastGood.keys().next().value!);
    lastGood.set(key, { value, loadedAt });
    return { available: true, value, loadedAt, stale: false };
  } catch (error) {
    console.error(`public data "${key}" could not be read:`, error instanceof Error ? error.message : error);
    const previous = lastGood.get(key);
    if (previous) return { available: true, value: previous.value as T, loadedAt: previous.loadedAt, stale: true };
    return { available: false, lastLoadedAt: newestLoad() };
  }
}

function newestLoad(): Date | null {
  let newest: Date | null = null;
  for (const { loadedAt } of lastGood.values()) if (!newest || loadedAt > newest) newest = loadedAt;
  return newest;
}

const RECENTLY_RESOLVED = 5;
const COMPONENT_INCIDENTS = 20;

export interface HomeData {
  components: ComponentRow[];
  active: PublicIncident[];
  recentlyResolved: PublicIncident[];
  uptimeWindow: TimelineIncident[];
}

function windowIncidents(now: Date) {
  const from = uptimeWindowStart(now);
  // Keyed by day: the window moves at UTC midnight.
  return cachedPublic(`uptime-window:${from.toISOString()}`, () =>
    loadIncidentsOverlapping(db(), { from, to: new Date(from.getTime() + 91 * 86_400_000) }),
  ).then((cached) => cached.value);
}

export function loadHomeData(now: Date): Promise<Loaded<HomeData>> {
  return readThroughCache("home", async () => {
    const [components, active, recentlyResolved, uptimeWindow] = await Promise.all([
      loadComponents(db()),
      loadActivePublicIncidents(db(), now),
      loadRecentlyResolved(db(), RECENTLY_RESOLVED),
      windowIncidents(now),
    ]);
    return { components, active, recentlyResolved, uptimeWindow };
  });
}

export interface IncidentData {
  components: ComponentRow[];
  incident: PublicIncident | null;
}

export function loadIncidentData(number: number): Promise<Loaded<IncidentData>> {
  return readThroughCache(`incident:${number}`, async () => {
    const [components, incident] = await Promise.all([loadComponents(db()), loadPublicIncident(db(), number)]);
    return { components, incident };
  });
}

export interface HistoryData {
  components: ComponentRow[];
  incidents: PublicIncident[];
  firstOpenedAt: Date | null;
}

/** Incidents opened in [from, to), optionally for one component (a system includes its sub-components). */
export function loadHistoryData(range: { from: Date; to: Date; componentSlug?: string }): Promise<Loaded<HistoryData>> {
  const key = `history:${range.from.toISOString()}:${range.componentSlug ?? "*"}`;
  return readThroughCache(key, async () => {
    const components = await loadComponents(db());
    const selected = range.componentSlug ? components.find((component) => component.slug === range.componentSlug) : undefined;
    const componentIds = selected ? familyIds(components, selected) : undefined;
    const [incidents, firstOpenedAt] = await Promise.all([
      range.componentSlug && !selected ? Promise.resolve([]) : loadIncidentsOpenedBetween(db(), { from: range.from, to: range.to, componentIds }),
      firstIncidentOpenedAt(db()),
    ]);
    return { components, incidents, firstOpenedAt };
  });
}

export interface ComponentData {
  components: ComponentRow[];
  component: ComponentRow | null;
  incidents: PublicIncident[];
  uptimeWindow: TimelineIncident[];
}

export function loadComponentData(slug: string, now: Date): Promise<Loaded<ComponentData>> {
  return readThroughCache(`component:${slug}`, async () => {
    const components = await loadComponents(db());
    const component = components.find((candidate) => candidate.slug === slug && !candidate.hidden) ?? null;
    if (!component) return { components, component, incidents: [], uptimeWindow: [] };
    const [incidents, uptimeWindow] = await Promise.all([
      loadIncidentsForComponents(db(), familyIds(components, component), COMPONENT_INCIDENTS),
      windowIncidents(now),
    ]);
    return { components, component, incidents, uptimeWindow };
  });
}

/** A component and, for a system, its sub-components. */
export function familyIds(components: ComponentRow[], component: ComponentRow): number[] {
  return [component.id, ...components.filter((child) => child.parentId === component.id).map((child) => child.id)];
}
