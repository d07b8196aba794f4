// Sends the outbox. Each round claims due rows, POSTs them, and records every attempt. A claim is a
// compare-and-set UPDATE (`WHERE id = ? AND status = 'pending' AND nextAttemptAt = <the value read>`)
// that moves nextAttemptAt one lease ahead: of several instances (PostgreSQL) exactly one wins a
// row, and if that instance dies mid-send the row is due again when the lease ends. On a slow
// timer (once at start, then hourly) it also deletes old finished deliveries (retention.ts).
import type { Db } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import { Poller } from "@/lib/runtime/poller";
import { DAY_MS } from "@/lib/timeline/dates";
import { parseWebhookAllowList, type WebhookAllowList } from "./address-policy";
import { DISABLE_AFTER_FAILED_DELIVERIES, MAX_ATTEMPTS, retryDelayMs } from "./backoff";
import { failPending } from "./endpoints";
import { attemptDelivery, DELIVERY_TIMEOUT_MS, type AttemptResult } from "./deliver";
import { pruneWebhookDeliveries, type PruneResult } from "./prune";
import { WEBHOOK_RETENTION, type RetentionPolicy } from "./retention";
import { onWebhookWake } from "./wake";

export interface DispatcherOptions {
  now?: () => Date;
  /** Internal receivers that may be reached; default: BEACON_WEBHOOK_ALLOW. */
  allow?: WebhookAllowList;
  random?: () => number;
  timeoutMs?: number;
  pollMs?: number;
  batchSize?: number;
  retention?: RetentionPolicy;
  log?: (line: string) => void;
}

const LEASE_MS = DELIVERY_TIMEOUT_MS * 6;

export class WebhookDispatcher {
  private readonly now: () => Date;
  private readonly allow: WebhookAllowList;
  private readonly poller: Poller;
  private pruneTimer: NodeJS.Timeout | null = null;
  private pruning: Promise<PruneResult | null> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: DispatcherOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.allow = options.allow ?? parseWebhookAllowList(loadEnv().webhookAllow);
    // A round never asks for another at once: what a full batch leaves waits for the next wake or poll.
    const round = async () => {
      await this.runOnce();
      return false;
    };
    this.poller = new Poller({ name: "webhooks", round, onWake: onWebhookWake, pollMs: options.pollMs, log: options.log });
  }

  /** Delivers every due row once; resolves to the number of attempts made. */
  async runOnce(): Promise<number> {
    const now = this.now();
    const claimed = await this.claimDue(now);
    await Promise.all(claimed.map((id) => this.deliver(id)));
    return claimed.length;
  }

  /** Deletes old finished deliveries and their attempts (retention.ts); one run at a time. */
  pruneOnce(): Promise<PruneResult | null> {
    const retention = this.options.retention ?? WEBHOOK_RETENTION;
    this.pruning ??= pruneWebhookDeliveries(this.db, this.now(), retention)
      .then((result) => {
        if (result.deliveries > 0) {
          const days = Math.round(retention.maxAgeMs / DAY_MS);
          this.options.log?.(
            `webhooks: pruned ${result.deliveries} deliveries and ${result.attempts} attempts finished more than ${days} days ago${result.complete ? "" : " (more next time)"}`,
          );
        }
        return result;
      })
      .catch((error: unknown) => {
        this.options.log?.(`webhooks: pruning failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => {
        this.pruning = null;
      });
    return this.pruning;
  }

  /** Polls every `pollMs` (default 5 s) and whenever a publish wakes it; prunes once now, then every `retention.intervalMs`. */
  start(): void {
    this.poller.start();
    if (!this.pruneTimer) {
      void this.pruneOnce();
      this.pruneTimer = setInterval(() => void this.pruneOnce(), (this.options.retention ?? WEBHOOK_RETENTION).intervalMs);
      this.pruneTimer.unref();
    }
  }

  async stop(): Promise<void> {
    const stopped = this.poller.stop();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.pruneTimer = null;
    await Promise.all([stopped, this.pruning]);
  }

  private async claimDue(now: Date): Promise<number[]> {
    const due = await this.db.webhookDelivery.findMany({
      where: { status: "pending", nextAttemptAt: { lte: now }, endpoint: { disabledAt: null } },
      orderBy: { nextAttemptAt: "asc" },
      take: this.options.batchSize ?? 20,
      select: { id: true, nextAttemptAt: true },
    });
    const leaseEnd = new Date(now.getTime() + LEASE_MS);
    const claims = await Promise.all(
      due.map(async (row) => {
        const { count } = await this.db.webhookDelivery.updateMany({
          where: { id: row.id, status: "pending", nextAttemptAt: row.nextAttemptAt },
          data: { nextAttemptAt: leaseEnd },
        });
        return count === 1 ? row.id : null;
      }),
    );
    return claims.filter((id): id is number => id !== null);
  }

  private async deliver(deliveryId: number): Promise<void> {
    const delivery = await this.db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { endpoint: true } });
    const now = this.now();
    const result = await attemptDelivery(
      { deliveryId, event: delivery.event, url: delivery.endpoint.url, secret: delivery.endpoint.secret, payload: delivery.payload, now },
      this.allow,
      this.options.timeoutMs,
    );
    await this.record(delivery.id, delivery.endpointId, delivery.attempts + 1, result, now);
  }

  private async record(deliveryId: number, endpointId: number, attempt: number, result: AttemptResult, now: Date): Promise<void> {
    const delay = result.ok ? null : retryDelayMs(attempt, this.options.random);
    await this.db.$transaction(async (tx) => {
      await tx.webhookAttempt.create({
        data: { deliveryId, endpointId, attemptedAt: now, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs },
      });
      if (delay !== null) {
        await tx.webhookDelivery.update({
          where: { id: deliveryId },
          data: { attempts: attempt, lastError: result.error, nextAttemptAt: new Date(now.getTime() + delay) },
        });
        return;
      }
      const status = result.ok ? "delivered" : "failed";
      await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { attempts: attempt, lastError: result.error, status, finishedAt: now } });
      if (result.ok) {
        await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveFailures: 0 } });
        return;
      }
      const endpoint = await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { consecutiveFailures: { increment: 1 } } });
      if (endpoint.consecutiveFailures >= DISABLE_AFTER_FAILED_DELIVERIES && !endpoint.disabledAt) {
        const reason = `Disabled automatically on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC: ${endpoint.consecutiveFailures} deliveries in a row failed after ${MAX_ATTEMPTS} tries each (last error: ${result.error}).`;
        await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { disabledAt: now, disabledReason: reason } });
        await failPending(tx, endpointId, "endpoint disabled", now);
        this.options.log?.(`webhooks: endpoint ${endpointId} ${reason}`);
      }
    });
  }
}

/** The server's dispatcher (scripts/start.ts); one per process. */
export function startWebhookDispatcher(db: Db, options: DispatcherOptions = {}): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher(db, { log: (line) => console.error(line), ...options });
  dispatcher.start();
  return dispatcher;
}
