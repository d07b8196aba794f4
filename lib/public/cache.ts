// The public read path's cache. Pages, feeds and read APIs cache the *data* they load from the
// database (not the derived state: states are computed per request with the current time, so a
// maintenance window starts on time without any publish). A publish calls
// invalidatePublicViews(), after which the next read reloads. Concurrent misses share one load.
// A time-to-live bounds how long a change made outside this process (another instance, a script)
// can go unseen; cross-instance notification comes with the resilience work.

export const PUBLIC_CACHE_TTL_MS = 15_000;

interface Entry {
  version: number;
  loadedAt: number;
  value?: unknown;
  pending?: Promise<unknown>;
}

interface CacheState {
  version: number;
  entries: Map<string, Entry>;
  listeners: Set<() => void>;
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
  cache.entries.set(key, { version, loadedAt: 0, pending });
  try {
    return await pending;
  } catch (error) {
    const current = cache.entries.get(key);
    if (current?.pending === pending) cache.entries.delete(key);
    throw error;
  }
}

/** Called by every publish (form, API, CLI, scheduled transitions): all public views reload. */
export function invalidatePublicViews(): void {
  const cache = state();
  cache.version += 1;
  cache.entries.clear();
  for (const listener of cache.listeners) listener();
}

/** Lets later layers (rendered-page cache, snapshots, cross-instance notify) follow publishes. */
export function onPublicViewsInvalidated(listener: () => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/** Cache-Control for public HTML, feeds and read APIs: a CDN may serve briefly stale copies. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30, stale-if-error=86400";
