// Publishes reach the public side through this one bus (a leaf: every layer may use it): every write use-case (form, API, CLI,
// scheduled transitions) calls invalidatePublicViews(), and the prepared answers
// (lib/public/answers.ts), the snapshot writer and the cross-instance notifier listen. Other
// instances' publishes arrive through lib/public/cross-instance.ts (PostgreSQL NOTIFY).

/** "local": a publish in this process; "remote": another instance told us about one. */
export type InvalidationOrigin = "local" | "remote";

type Listener = (origin: InvalidationOrigin) => void;

// On globalThis: Next.js bundles its own copy of this module for the admin's server actions, and a
// publish there must reach the listeners the custom server registered with its copy.
const globalForBus = globalThis as unknown as { beaconPublicListeners?: Set<Listener> };
const listeners = (): Set<Listener> => (globalForBus.beaconPublicListeners ??= new Set());

/** Called by every publish: all public answers are made anew from live data. */
export function invalidatePublicViews(origin: InvalidationOrigin = "local"): void {
  for (const listener of listeners()) listener(origin);
}

export function onPublicViewsInvalidated(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
