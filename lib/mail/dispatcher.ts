// Sends the mail outbox. Each round: writes the maintenance notices that fell due
// (maintenance-notices.ts), expands one batch of a job into deliveries (expand.ts), then claims due
// deliveries and sends them. A claim is a compare-and-set UPDATE that marks the row `sending` and
// moves nextAttemptAt one lease ahead: of several instances exactly one wins a row, and a row whose
// sender died is due again when the lease ends. A failed send is retried with the webhooks' backoff
// (6 tries over about an hour), then marked failed with its last error.
//
// What holds under `kill -9` at any moment: every job and delivery row is committed before any mail
// is sent, so nothing is lost; a second delivery row for one (job, subscriber) cannot exist, so the
// fan-out never sends two different mails for one event. The one window — the SMTP server accepted
// the mail and the process died before the row was marked sent — re-sends it after the lease with
// the same Message-ID, which mail clients treat as the same message.
import { loadBrand } from "@/lib/branding/settings";
import type { Db } from "@/lib/db/client";
import { DEFAULT_LOCALE, localeSchema } from "@/lib/i18n";
import { loadEnv, type MailSettings } from "@/lib/runtime/env";
import { Poller } from "@/lib/runtime/poller";
import { manageUrl, unsubscribeUrl } from "@/lib/subscriptions/links";
import { onWebhookWake } from "@/lib/webhooks/wake";
import { retryDelayMs } from "@/lib/webhooks/backoff";
import { expandNextBatch } from "./expand";
import { noticeMaintenanceBoundaries } from "./maintenance-notices";
import { buildNoticeMail, headerText } from "./message";
import { messageDomain } from "./message-id";
import { mailNoticeSchema } from "./notice";
import { configuredMail, type MailSender } from "./transport";

export interface MailDispatcherOptions {
  now?: () => Date;
  random?: () => number;
  pollMs?: number;
  /** Subscribers expanded per round. */
  expandBatch?: number;
  /** Deliveries claimed per round (the pool sends them over a few connections). */
  sendBatch?: number;
  leaseMs?: number;
  /** Default: the configured transport (BEACON_SMTP_URL). */
  mail?: { settings: MailSettings; sender: MailSender };
  log?: (line: string) => void;
}

export interface RoundResult {
  expanded: number;
  sent: number;
  failed: number;
  more: boolean;
}

const DEFAULT_LEASE_MS = 2 * 60_000;

export class MailDispatcher {
  private readonly now: () => Date;
  private readonly poller: Poller;

  constructor(
    private readonly db: Db,
    private readonly options: MailDispatcherOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const round = async () => (await this.runOnce()).more;
    this.poller = new Poller({ name: "mail", round, onWake: onWebhookWake, pollMs: options.pollMs, log: options.log });
  }

  async runOnce(): Promise<RoundResult> {
    const now = this.now();
    const mail = this.options.mail ?? configuredMail();
    const domain = messageDomain(loadEnv().publicUrl);
    await noticeMaintenanceBoundaries(this.db, now);
    const expansion = await expandNextBatch(this.db, now, domain, this.options.expandBatch ?? 1000);
    const claimed = await this.claimDue(now);
    const pageName = claimed.length > 0 ? (await loadBrand(this.db)).name : "";
    const outcomes = await Promise.all(claimed.map((id) => this.send(id, mail, { domain, pageName })));
    const sent = outcomes.filter((outcome) => outcome === "sent").length;
    const failed = outcomes.filter((outcome) => outcome === "failed").length;
    const full = claimed.length > 0 && claimed.length === (this.options.sendBatch ?? 50);
    return { expanded: expansion.deliveries, sent, failed, more: expansion.more || full };
  }

  /** Rounds until nothing is due now (tests, the bench). */
  async drain(maxRounds = 10_000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) if (!(await this.runOnce()).more) return;
  }

  /** Polls every `pollMs` (default 5 s), whenever a publish wakes the outbox dispatchers, and at once while work remains. */
  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async claimDue(now: Date): Promise<number[]> {
    const due = await this.db.mailDelivery.findMany({
      where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: this.options.sendBatch ?? 50,
      select: { id: true, nextAttemptAt: true },
    });
    const leaseEnd = new Date(now.getTime() + (this.options.leaseMs ?? DEFAULT_LEASE_MS));
    const claims = await Promise.all(
      due.map(async (row) => {
        const { count } = await this.db.mailDelivery.updateMany({
          where: { id: row.id, status: { in: ["pending", "sending"] }, nextAttemptAt: row.nextAttemptAt },
          data: { status: "sending", nextAttemptAt: leaseEnd },
        });
        return count === 1 ? row.id : null;
      }),
    );
    return claims.filter((id): id is number => id !== null);
  }

  private async send(
    deliveryId: number,
    mail: { settings: MailSettings; sender: MailSender },
    { domain, pageName }: { domain: string; pageName: string },
  ): Promise<"sent" | "failed" | "skipped"> {
    const delivery = await this.db.mailDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      select: {
        attempts: true,
        messageId: true,
        job: { select: { payload: true } },
        subscriber: { select: { id: true, email: true, status: true, paused: true, manageKeyVersion: true, locale: true } },
      },
    });
    const { subscriber } = delivery;
    // Unsubscribed or paused since the job was expanded: there is nothing to send any more.
    if (subscriber.status !== "confirmed" || subscriber.paused) {
      await this.db.mailDelivery.delete({ where: { id: deliveryId } });
      return "skipped";
    }
    const message = buildNoticeMail(
      mailNoticeSchema.parse(delivery.job.payload),
      {
        subscriberId: subscriber.id,
        email: subscriber.email,
        manageUrl: manageUrl(subscriber),
        unsubscribeUrl: unsubscribeUrl(subscriber),
        locale: localeSchema.catch(DEFAULT_LOCALE).parse(subscriber.locale),
      },
      { pageName, from: mail.settings.from, messageId: delivery.messageId, domain },
    );
    const attempt = delivery.attempts + 1;
    try {
      await mail.sender.send(message);
    } catch (error) {
      const lastError = headerText(error instanceof Error ? error.message : String(error)).slice(0, 500);
      const delay = retryDelayMs(attempt, this.options.random);
      const now = this.now();
      await this.db.mailDelivery.update({
        where: { id: deliveryId },
        data:
          delay === null
            ? { status: "failed", attempts: attempt, lastError }
            : { status: "pending", attempts: attempt, lastError, nextAttemptAt: new Date(now.getTime() + delay) },
      });
      return "failed";
    }
    await this.db.mailDelivery.update({ where: { id: deliveryId }, data: { status: "sent", attempts: attempt, sentAt: this.now() } });
    return "sent";
  }
}

/** The server's mail dispatcher (scripts/start.ts); none when mail is not configured. */
export function startMailDispatcher(db: Db, options: MailDispatcherOptions = {}): MailDispatcher | null {
  if (!loadEnv().mail) return null;
  const dispatcher = new MailDispatcher(db, { log: (line) => console.error(line), ...options });
  dispatcher.start();
  return dispatcher;
}
