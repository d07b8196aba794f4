// Several Beacon instances on one PostgreSQL database: a publish on one must refresh the cached
// public views of all. Each instance LISTENs on one channel and NOTIFYs it after a local publish
// (with its own id, so it ignores its own echo). Reconnects with a growing delay; while
// disconnected, the cache's time-to-live still bounds staleness.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { invalidatePublicViews, onPublicViewsInvalidated } from "@/lib/events/public-views";

export const INVALIDATION_CHANNEL = "beacon_public_views";

export interface CrossInstanceInvalidation {
  instanceId: string;
  /** Resolves once LISTEN is in place. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function startCrossInstanceInvalidation(url: string, log: (line: string) => void = console.error): CrossInstanceInvalidation {
  const instanceId = randomUUID();
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    // pg is loaded here, not at start: only a server on PostgreSQL ever calls this.
    const { default: driver } = await import("pg");
    const next = new driver.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === INVALIDATION_CHANNEL && message.payload !== instanceId) invalidatePublicViews("remote");
    });
    next.on("error", (error) => reconnect(error));
    try {
      await next.connect();
      await next.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      client = next;
      retryMs = 500;
      // Whatever was published while we were away: reload.
      invalidatePublicViews("remote");
      markReady();
    } catch (error) {
      await next.end().catch(() => {});
      reconnect(error);
    }
  };

  const reconnect = (error: unknown) => {
    if (stopped) return;
    log(`cross-instance invalidation: ${(error as Error)?.message ?? error}; retrying in ${retryMs} ms`);
    client?.end().catch(() => {});
    client = null;
    setTimeout(() => void connect(), retryMs).unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  const unsubscribe = onPublicViewsInvalidated((origin) => {
    if (origin !== "local" || !client) return;
    client.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, instanceId]).catch((error: unknown) => reconnect(error));
  });

  void connect();
  return {
    instanceId,
    ready,
    async stop() {
      stopped = true;
      unsubscribe();
      await client?.end().catch(() => {});
    },
  };
}
