// Subscriber mail on SQLite and PostgreSQL, sent over SMTP to a real smtp-server on 127.0.0.1 and
// read back with mailparser: a publish writes one job in its transaction (never a row per
// subscriber), the dispatcher expands it to the matching subscribers and sends threaded multipart
// mail with one-click unsubscribe headers; a refusing or absent server means retries, then failed
// in the log, with nothing lost and publishing unaffected; maintenance windows mail their
// reminder, start and end once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { editPost } from "@/lib/incidents/revise";
import { scheduleMaintenance } from "@/lib/incidents/maintenance";
import { MailDispatcher } from "@/lib/mail/dispatcher";
import { noticeMaintenanceBoundaries } from "@/lib/mail/maintenance-notices";
import { threadRootId } from "@/lib/mail/message-id";
import { createMailSender, type MailSender } from "@/lib/mail/transport";
import { loadEnv } from "@/lib/runtime/env";
import { MAX_ATTEMPTS } from "@/lib/webhooks/backoff";
import { landed, openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { insertConfirmedSubscribers } from "../../scripts/support/subscribers";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../../scripts/support/smtp-sink";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const ENV = { BEACON_MAIL_FROM: "Example status <status@example.com>", BEACON_PUBLIC_URL: "https://status.example.com", SESSION_SECRET: "s".repeat(40) };

interface SubscriberSpec {
  email: string;
  status?: "pending" | "confirmed" | "unsubscribed";
  components?: number[];
  maintenance?: boolean;
  paused?: boolean;
}

describe.each(providers)("subscriber mail on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;
  let smtp: SmtpSink;
  let sender: MailSender;
  let clock = T0;
  const saved: Record<string, string | undefined> = {};
  const dispatcher = () => new MailDispatcher(site.db, { now: () => clock, random: () => 0.5, mail: { settings: loadEnv().mail!, sender } });
  const subscribe = (spec: SubscriberSpec) =>
    site.db.subscriber.create({
      data: {
        email: spec.email,
        emailNormalized: spec.email.toLowerCase(),
        status: spec.status ?? "confirmed",
        allComponents: spec.components === undefined,
        maintenance: spec.maintenance ?? false,
        paused: spec.paused ?? false,
        consentedAt: T0,
        components: { create: (spec.components ?? []).map((componentId) => ({ componentId })) },
      },
    });
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
  const header = (mail: ReceivedMail, key: string) =>
    mail.parsed.headerLines
      .find((line) => line.key === key)
      ?.line.replace(/\r?\n[ \t]+/g, " ")
      .slice(key.length + 1)
      .trim();

  beforeAll(async () => {
    smtp = await startSmtpSink();
    for (const [name, value] of Object.entries({ ...ENV, BEACON_SMTP_URL: smtp.url })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    sender = createMailSender(loadEnv().mail!);
  });
  afterAll(async () => {
    sender?.close();
    await smtp?.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  beforeEach(async () => {
    clock = T0;
    smtp.received.length = 0;
    smtp.refuseWith = null;
    await site.db.mailDelivery.deleteMany();
    await site.db.mailJob.deleteMany();
    await site.db.subscriber.deleteMany();
  });

  it("mails a new incident to the matching confirmed subscribers, threaded, multipart, with its components and one-click unsubscribe", async () => {
    const everyone = await subscribe({ email: "all@example.org" });
    const system = await subscribe({ email: "system@example.org", components: [ids.production] });
    await subscribe({ email: "other@example.org", components: [ids.development] });
    await subscribe({ email: "pending@example.org", status: "pending" });
    await subscribe({ email: "paused@example.org", paused: true });
    await subscribe({ email: "gone@example.org", status: "unsubscribed" });

    const opened = landed(
      await openIncident(
        site.db,
        actors.commander,
        openProductionOutage(ids.gitPush, { title: "Elevated error rates", body: "We are **investigating** failed pushes." }),
        { now: clock },
      ),
    );
    // The publish wrote one job and no delivery: the fan-out happens after it.
    expect(await site.db.mailJob.count()).toBe(1);
    expect(await site.db.mailDelivery.count()).toBe(0);

    await dispatcher().drain();
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(["all@example.org", "system@example.org"]);
    const [mail] = mailsTo("all@example.org");
    expect(mail!.parsed.subject).toBe("[Investigating] Elevated error rates — Beacon status");
    expect(mail!.parsed.from?.text).toBe('"Example status" <status@example.com>');
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail!.parsed.text).toContain("We are **investigating** failed pushes.");
    expect(mail!.parsed.text).toContain("- Git push: Outage");
    expect(mail!.parsed.html).toContain("<strong>investigating</strong>");
    expect(mail!.parsed.html).toContain(`https://status.example.com/incidents/${opened.incidentNumber}`);
    expect(mail!.parsed.messageId).toBe(threadRootId(opened.incidentNumber, everyone.id, "status.example.com"));
    expect(header(mail!, "list-unsubscribe")).toMatch(/^<https:\/\/status\.example\.com\/unsubscribe\?token=[^>]+>$/);
    expect(header(mail!, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const deliveries = await site.db.mailDelivery.findMany({ orderBy: { subscriberId: "asc" } });
    expect(deliveries.map((row) => [row.subscriberId, row.status, row.attempts])).toEqual([
      [everyone.id, "sent", 1],
      [system.id, "sent", 1],
    ]);

    // An update replies to the opening mail; an edit of it mails nobody.
    clock = minutes(10);
    const update = landed(
      await publishPost(
        site.db,
        actors.commander,
        { incidentNumber: opened.incidentNumber, type: "resolved", body: "Pushes work again.", stateChanges: [{ componentId: ids.gitPush, state: "green" }] },
        { now: clock },
      ),
    );
    await editPost(site.db, actors.commander, { postId: update.postId, body: "Pushes work again since 10:08." }, { now: minutes(11) });
    expect(await site.db.mailJob.count()).toBe(2);
    await dispatcher().drain();
    const replies = mailsTo("all@example.org");
    expect(replies).toHaveLength(2);
    expect(replies[1]!.parsed.subject).toBe("[Resolved] Elevated error rates — Beacon status");
    expect(replies[1]!.parsed.text).toContain("- Git push: Operational");
    expect(replies[1]!.parsed.inReplyTo).toBe(mail!.parsed.messageId);
    expect(replies[1]!.parsed.references).toBe(mail!.parsed.messageId);
    expect(replies[1]!.parsed.messageId).not.toBe(mail!.parsed.messageId);
  });

  it("retries when the server refuses (5xx, then 4xx) and marks the mail failed after the last try; publishing is unaffected and nothing is lost", async () => {
    await subscribe({ email: "ada@example.org" });
    smtp.refuseWith = "550";
    landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.production), { now: clock }));
    const send = dispatcher();
    await send.runOnce();
    let row = await site.db.mailDelivery.findFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(["pending", 1]);
    expect(row.lastError).toMatch(/550/);
    // Not due yet: nothing is tried before the backoff delay.
    clock = minutes(1);
    await send.runOnce();
    expect((await site.db.mailDelivery.findFirstOrThrow()).attempts).toBe(1);

    smtp.refuseWith = "451";
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      clock = new Date(row.nextAttemptAt.getTime() + 1);
      await send.runOnce();
      row = await site.db.mailDelivery.findFirstOrThrow();
      expect(row.attempts).toBe(attempt);
    }
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/451/);
    expect(smtp.received).toHaveLength(0);

    // With the server gone entirely, a publish still lands at once and its mail waits, then goes out.
    await smtp.stop();
    const second = await subscribe({ email: "bob@example.org" });
    clock = minutes(300);
    const started = Date.now();
    landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.development, { title: "Second" }), { now: clock }));
    expect(Date.now() - started).toBeLessThan(5_000);
    await send.runOnce();
    await send.runOnce();
    const waiting = await site.db.mailDelivery.findMany({ where: { status: "pending" } });
    expect(waiting.map((delivery) => delivery.subscriberId).sort()).toEqual([row.subscriberId, second.id].sort());
    expect(waiting.every((delivery) => delivery.attempts === 1 && delivery.lastError)).toBe(true);
    smtp = await startSmtpSink(smtp.port);
    clock = minutes(400);
    await send.drain();
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(["ada@example.org", "bob@example.org"]);
    expect(await site.db.mailDelivery.count({ where: { status: "sent" } })).toBe(2);
  });

  it("mails a maintenance window once each: scheduled, a reminder before it, its start and its end — only to those who asked", async () => {
    const wants = await subscribe({ email: "maint@example.org", maintenance: true });
    await subscribe({ email: "incidents-only@example.org" });
    landed(
      await scheduleMaintenance(
        site.db,
        actors.commander,
        { title: "Database upgrade", componentIds: [ids.production], startsAt: minutes(180), endsAt: minutes(240), body: "Upgrading the database." },
        { now: clock },
      ),
    );
    for (const [at, expected] of [
      [minutes(60), 0],
      [minutes(125), 1],
      [minutes(130), 0],
      [minutes(180), 1],
      [minutes(241), 1],
      [minutes(242), 0],
    ] as const) {
      clock = at;
      expect(await noticeMaintenanceBoundaries(site.db, clock, 60)).toBe(expected);
    }
    await dispatcher().drain();
    expect(mailsTo("incidents-only@example.org")).toHaveLength(0);
    const subjects = mailsTo("maint@example.org").map((mail) => mail.parsed.subject);
    expect(subjects).toEqual([
      "[Maintenance scheduled] Database upgrade — Beacon status",
      "[Maintenance starting soon] Database upgrade — Beacon status",
      "[Maintenance started] Database upgrade — Beacon status",
      "[Maintenance completed] Database upgrade — Beacon status",
    ]);
    const [opening, ...rest] = mailsTo("maint@example.org");
    expect(rest.every((mail) => mail.parsed.inReplyTo === opening!.parsed.messageId)).toBe(true);
    expect(opening!.parsed.messageId).toContain(`subscriber-${wants.id}@`);
  });

  it("with 100,000 subscribers a publish still writes one job; the dispatcher expands it in batches from a cursor", async () => {
    await insertConfirmedSubscribers(site.db, 100_000);
    expect(await site.db.subscriber.count({ where: { status: "confirmed" } })).toBe(100_000);
    landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.production), { now: clock }));
    expect(await site.db.mailJob.count()).toBe(1);
    expect(await site.db.mailDelivery.count()).toBe(0);

    const expanding = new MailDispatcher(site.db, { now: () => clock, expandBatch: 1_000, sendBatch: 0, mail: { settings: loadEnv().mail!, sender } });
    await expanding.runOnce();
    const job = await site.db.mailJob.findFirstOrThrow();
    expect(await site.db.mailDelivery.count()).toBe(1_000);
    expect(job.expandedAt).toBeNull();
    const thousandth = await site.db.subscriber.findFirstOrThrow({ orderBy: { id: "asc" }, skip: 999 });
    expect(job.expandedUpToSubscriberId).toBe(thousandth.id);
  });
});
