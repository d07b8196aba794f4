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

/** The earliest window start or end strictly after `now`, or null. */
export function nextBoundary(windows: Window[], now: Date): Date | null {
  let next: Date | null = null;
  for (const window of windows) {
    for (const boundary of [window.scheduledStartAt, window.scheduledEndAt]) {
      if (boundary && boundary > now && (!next || boundary < next)) next = boundary;
    }
  }
  return next;
}

// Timers are re-armed at least this often, so a clock change or a missed event heals itself.
const MAX_SLEEP_MS = 60 * 60_000;
const RETRY_MS = 30_000;

export interface MaintenanceClock {
  /** The boundary the clock is waiting for (for tests and logs). */
  next(): Date | null;
  stop(): void;
}

export function startMaintenanceClock(db: Db, options: { log?: (line: string) => void; now?: () => Date } = {}): MaintenanceClock {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let waitingFor: Date | null = null;
  let stopped = false;
  let generation = 0;

  const sleep = (ms: number, then: () => void) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(then, Math.max(0, Math.min(ms, MAX_SLEEP_MS)));
    timer.unref();
  };

  const arm = async () => {
    const mine = ++generation;
    try {
      const at = now();
      const windows = await db.incident.findMany({
        where: { kind: "maintenance", deletedAt: null, OR: [{ scheduledStartAt: { gt: at } }, { scheduledEndAt: { gt: at } }] },
        select: { scheduledStartAt: true, scheduledEndAt: true },
      });
      if (stopped || mine !== generation) return;
      waitingFor = nextBoundary(windows, at);
      if (!waitingFor) return sleep(MAX_SLEEP_MS, () => void arm());
      const boundary = waitingFor;
      sleep(boundary.getTime() - now().getTime(), () => {
        if (now() < boundary) return void arm(); // woke early (capped sleep)
        options.log?.(`maintenance window boundary at ${boundary.toISOString()}: refreshing the public views`);
        invalidatePublicViews(); // re-arms through the listener below
        mailAtMaintenanceBoundary(db, boundary);
      });
    } catch {
      if (!stopped && mine === generation) sleep(RETRY_MS, () => void arm());
    }
  };

  // A new, extended or cancelled window is always published, and every publish invalidates.
  const unsubscribe = onPublicViewsInvalidated(() => {
    if (!stopped) void arm();
  });
  void arm();

  return {
    next: () => waitingFor,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
