// Maintenance windows start and end by the clock, not by a publish. States are derived with the
// current time, but cached views (data lists filtered by "now", rendered pages, API answers, the
// snapshot) would show "upcoming" for a few seconds past the start. So at each window boundary
// the public views are refreshed exactly as a publish refreshes them (which also tells the other
// instances and rewrites the snapshot).
import type { Db } from "@/lib/db/client";
import { invalidatePublicViews, onPublicViewsInvalidated } from "@/lib/events/public-views";
import { mailAtMaintenanceBoundary } from "@/lib/mail/maintenance-notices";

export interface Window {
  scheduledStartAt: Date | null;
  scheduledEndAt: Date | null;
}

/** Every window start or end strictly after `now`, earliest first, each time once. */
export function upcomingBoundaries(windows: Window[], now: Date): Date[] {
  const times = new Set<number>();
  for (const window of windows) {
    for (const boundary of [window.scheduledStartAt, window.scheduledEndAt]) {
      if (boundary && boundary > now) times.add(boundary.getTime());
    }
  }
  return [...times].sort((a, b) => a - b).map((time) => new Date(time));
}

// The windows are read again at least this often, so a clock change or a missed event heals itself.
const MAX_SLEEP_MS = 60 * 60_000;
const RETRY_MS = 30_000;

export interface MaintenanceClock {
  /** The boundary the clock is waiting for (for tests and logs). */
  next(): Date | null;
  stop(): void;
}

export function startMaintenanceClock(db: Db, options: { log?: (line: string) => void; now?: () => Date } = {}): MaintenanceClock {
  const now = options.now ?? (() => new Date());
  // Two timers: reading the windows may fail or be slow, and that must never delay a boundary the
  // clock already knows (a window's end is armed the moment its start fires, not after a re-read).
  let boundaryTimer: NodeJS.Timeout | null = null;
  let readTimer: NodeJS.Timeout | null = null;
  let upcoming: Date[] = [];
  let stopped = false;
  let generation = 0;

  const timer = (previous: NodeJS.Timeout | null, ms: number, then: () => void): NodeJS.Timeout => {
    if (previous) clearTimeout(previous);
    const next = setTimeout(then, Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
    next.unref();
    return next;
  };

  const waitForBoundary = () => {
    const boundary = upcoming[0];
    if (!boundary) {
      if (boundaryTimer) clearTimeout(boundaryTimer);
      return;
    }
    boundaryTimer = timer(boundaryTimer, boundary.getTime() - now().getTime(), () => {
      if (stopped) return;
      const at = now();
      if (at < boundary) return waitForBoundary(); // woke early (capped sleep)
      upcoming = upcoming.filter((later) => later > at);
      waitForBoundary();
      options.log?.(`maintenance window boundary at ${boundary.toISOString()}: refreshing the public views`);
      invalidatePublicViews(); // reads the windows again through the listener below
      mailAtMaintenanceBoundary(db, boundary);
    });
  };

  const readWindows = async () => {
    const mine = ++generation;
    try {
      const at = now();
      const windows = await db.incident.findMany({
        where: { kind: "maintenance", deletedAt: null, OR: [{ scheduledStartAt: { gt: at } }, { scheduledEndAt: { gt: at } }] },
        select: { scheduledStartAt: true, scheduledEndAt: true },
      });
      if (stopped || mine !== generation) return;
      upcoming = upcomingBoundaries(windows, at);
      waitForBoundary();
      readTimer = timer(readTimer, MAX_SLEEP_MS, () => void readWindows());
    } catch {
      // The boundaries already known stay armed.
      if (!stopped && mine === generation) readTimer = timer(readTimer, RETRY_MS, () => void readWindows());
    }
  };

  // A new, extended or cancelled window is always published, and every publish invalidates.
  const unsubscribe = onPublicViewsInvalidated(() => {
    if (!stopped) void readWindows();
  });
  void readWindows();

  return {
    next: () => upcoming[0] ?? null,
    stop() {
      stopped = true;
      unsubscribe();
      if (boundaryTimer) clearTimeout(boundaryTimer);
      if (readTimer) clearTimeout(readTimer);
    },
  };
}
