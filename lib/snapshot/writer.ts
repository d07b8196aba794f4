// Keeps data/snapshot/ current while the server runs: shortly after every publish (any origin,
// including other instances via cross-instance invalidation), and every minute so time-driven
// changes (a maintenance window starting) reach it too. Writes never overlap; a publish during a
// write schedules one more, paced so that long collections leave the event loop to readers. A
// failed collection (database unreachable) keeps the last snapshot.
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { collectSnapshot, SnapshotNotLive } from "./collect";
import { setCurrentSnapshot } from "./current";
import { setImmediate as letRequestsThrough } from "node:timers/promises";
import { readSnapshot, removeTemporaryFiles, writeSnapshot } from "./files";

const AFTER_PUBLISH_MS = 250;
const PERIOD_MS = 60_000;
/**
 * With a snapshot from the previous run to fall back on, the first write waits this long: a
 * restarted server answers the readers queued at its door first (their first requests load the
 * query compiler and warm the renderers) instead of collecting ≈ 100 pages beside them. Without
 * one, it writes at once.
 */
const FIRST_WRITE_WITH_SNAPSHOT_MS = 5_000;
/**
 * A collection runs on the event loop that answers readers and publishes. Ordinarily it takes a
 * fraction of a second; with long open incidents (thousands of posts each) it takes seconds, and
 * publishes in a row would keep it running back to back. After a collection that took T, the next
 * starts no earlier than REST_FACTOR × T after it ended: the writer never holds more than a quarter
 * of the time, and the snapshot lags a publish by at most about (1 + REST_FACTOR) × T.
 */
const REST_FACTOR = 3;

/** How long a write asked for `requestedDelay` from now must wait, given when the last one ended and what it took. */
export function pacedDelay(requestedDelay: number, last: { endedAt: number; tookMs: number } | null, now: number): number {
  if (!last) return requestedDelay;
  return Math.max(requestedDelay, last.endedAt + REST_FACTOR * last.tookMs - now);
}

export interface SnapshotWriter {
  /** Resolves when the write that is running or scheduled (if any) has finished. */
  settled(): Promise<void>;
  stop(): void;
}

export function startSnapshotWriter(
  dir: string,
  options: { log?: (line: string) => void; periodMs?: number; firstWriteAfterMs?: number } = {},
): SnapshotWriter {
  const log = options.log ?? ((line: string) => console.log(`snapshot: ${line}`));
  const leftovers = removeTemporaryFiles(dir);
  if (leftovers > 0) log(`removed ${leftovers} half-written files left by an earlier crash`);
  const existing = readSnapshot(dir);
  if (existing) {
    setCurrentSnapshot(existing);
    log(`found the snapshot from ${existing.generatedAt.toISOString()} (${existing.entries.length} files)`);
  }

  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let last: { endedAt: number; tookMs: number } | null = null;

  const writeOnce = async () => {
    const started = Date.now();
    try {
      const snapshot = await collectSnapshot("live");
      // ≈ 100 files: the server's pending requests are answered between them.
      const result = await writeSnapshot(dir, snapshot, letRequestsThrough);
      setCurrentSnapshot(snapshot);
      if (result.written + result.removed > 0) {
        log(`wrote ${result.written} files (${result.unchanged} unchanged, ${result.removed} removed) in ${Date.now() - started} ms`);
      }
    } catch (error) {
      const reason = error instanceof SnapshotNotLive ? error.message : error instanceof Error ? error.message : String(error);
      log(`kept the previous snapshot: ${reason}`);
    } finally {
      last = { endedAt: Date.now(), tookMs: Date.now() - started };
    }
  };

  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = writeOnce().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        schedule(0);
      }
    });
    return running;
  };

  // One timer; an earlier due time (a publish during the first write's wait) replaces a later one.
  let timerDue = 0;
  const schedule = (requestedDelay: number) => {
    const delay = pacedDelay(requestedDelay, last, Date.now());
    const due = Date.now() + delay;
    if (stopped || (timer && timerDue <= due)) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, delay);
    timer.unref();
  };

  const unsubscribe = onPublicViewsInvalidated(() => schedule(AFTER_PUBLISH_MS));
  const period = setInterval(() => schedule(0), options.periodMs ?? PERIOD_MS);
  period.unref();
  if (existing) schedule(options.firstWriteAfterMs ?? FIRST_WRITE_WITH_SNAPSHOT_MS);
  else void run();

  return {
    async settled() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, AFTER_PUBLISH_MS));
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
      clearInterval(period);
      if (timer) clearTimeout(timer);
    },
  };
}
