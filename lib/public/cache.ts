// The public read path's cache. Pages, feeds and read APIs cache the *data* they load from the
// database (not the derived state: states are computed per request with the current time, so a
// maintenance window starts on time without any publish). A publish calls
// invalidatePublicViews(), after which the next read reloads. Concurrent misses share one load.
// Other instances hear of a publish through lib/public/cross-instance.ts (PostgreSQL NOTIFY); a
// time-to-live bounds how long a change made by anything else (a script, SQL by hand) goes unseen.

export const PUBLIC_CACHE_TTL_MS = 15_000;
// Bounds memory when many distinct URLs are asked for (e.g. /incidents/1, /incidents/2, …).
const MAX_ENTRIES = 2_000;

interface Entry {
  version: number;
  loadedAt: number;
  value?: unknown;
  pending?: Promise<unknown>;
}

interface CacheState {
  version: number;
  entries: Map<string, Entry>;
  listeners: Set<(origin: InvalidationOrigin) => void>;
}

// On globalThis so the custom server and Next's bundled route code share one cache.
const globalForCache = globalThis as unknown as { beaconPublicCache?: CacheState };
function state(): CacheState {
  globalForCache.beaconPublicCache ??= { version: 0, entries: new Map(), listeners: new Set() };
  return globalForCache.beaconPublicCache;
}

export interface CachedValue<T> {
  value: T;
  /** When the data was read from the database. */
  loadedAt: Date;
}

export async function cachedPublic<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<CachedValue<T>> {
  const cache = state();
  const entry = cache.entries.get(key);
  const fresh = entry && entry.version === cache.version && now - entry.loadedAt < PUBLIC_CACHE_TTL_MS && "value" in entry;
  if (fresh) return { value: entry.value as T, loadedAt: new Date(entry.loadedAt) };
  if (entry?.pending && entry.version === cache.version) return (await entry.pending) as CachedValue<T>;

  const version = cache.version;
  const pending = load().then((value) => {
    const loadedAt = Date.now();
    if (cache.version === version) cache.entries.set(key, { version, loadedAt, value });
    return { value, loadedAt: new Date(loadedAt) };
  });
  if (!cache.entries.has(key) && cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  cache.entries.set(key, { version, loadedAt: 0, pending });
  try {
    return await pending;
  } catch (error) {
    const current = cache.entries.get(key);
    if (current?.pending === pending) cache.entries.delete(key);
    throw error;
  }
}

/** "local": a publish in this process; "remote": another instance told us about one. */
export type InvalidationOrigin = "local" | "remote";

/** Called by every publish (form, API, CLI, scheduled transitions): all public views reload. */
export function invalidatePublicViews(origin: InvalidationOrigin = "local"): void {
  const cache = state();
  cache.version += 1;
  cache.entries.clear();
  for (const listener of cache.listeners) listener(origin);
}

/** Lets other layers (rendered-page cache, snapshots, cross-instance notify) follow publishes. */
export function onPublicViewsInvalidated(listener: (origin: InvalidationOrigin) => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/** Cache-Control for public HTML, feeds and read APIs: a CDN may serve briefly stale copies. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30, stale-if-error=86400";
