// Every change to the public timeline (publish, edit, delete, maintenance) runs one at a time.
// Each write reads the state before it (the diff customers are shown, the webhook payload, the
// incident's resolvedAt) and writes from that reading; two writes interleaved on PostgreSQL's
// READ COMMITTED would each miss the other's post — an Update racing a Resolved could reopen the
// incident. Status-page writes are rare, so one queue costs nothing.
//
// Two levels: a queue in this process, so waiting writes hold no database connection (a burst of
// publishes never starves the pool that reads and idempotency checks need), and on PostgreSQL a
// transaction-scoped advisory lock, so several Beacon instances queue behind each other too.
// SQLite needs no lock: it runs single-instance, one transaction at a time.
import type { Db, Tx } from "./client";

/** Any fixed 64-bit number distinct from Prisma Migrate's lock (72707369). */
const TIMELINE_WRITE_LOCK_ID = 4_217_106_001n;

/**
 * Prisma's defaults (2 s to start, 5 s to run) count the wait for another instance's write on
 * PostgreSQL; a publish should wait its turn rather than fail.
 */
const TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `write` in its own transaction once every earlier timeline write has finished. */
export function timelineWrite<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  const run = () =>
    db.$transaction(async (tx) => {
      if (providerOf(tx) === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TIMELINE_WRITE_LOCK_ID})`;
      return write(tx);
    }, TRANSACTION_OPTIONS);
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

function providerOf(tx: Tx): string {
  // Set by Prisma on every client from the generated schema; transaction clients pass it through.
  const provider = (tx as unknown as { _activeProvider?: string })._activeProvider;
  if (!provider) throw new Error("Cannot tell the database provider of this Prisma client; the timeline-write lock needs it.");
  return provider;
}
