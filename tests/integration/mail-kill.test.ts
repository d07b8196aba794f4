// What a `kill -9` during a fan-out does, for real: the dispatcher runs in a child process against
// the database and a real SMTP server, is SIGKILLed while it expands and sends, and a second one is
// started. Every subscriber gets the mail; no subscriber ever gets two different Message-IDs for
// the one post; and a second copy (same Message-ID) can only be of a mail whose row was `sending`
// when the process died — SMTP had accepted it, the row was not yet marked sent.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIncident } from "@/lib/incidents/publish";
import { insertConfirmedSubscribers } from "../../scripts/support/subscribers";
import { createActors, createComponents, landed, openProductionOutage } from "../support/publish-fixtures";
import { type SmtpSink, startSmtpSink } from "../../scripts/support/smtp-sink";
import { providers, useTestDatabase } from "../support/test-databases";

const SUBSCRIBERS = 150;
const ENV = { BEACON_MAIL_FROM: "status@example.com", BEACON_PUBLIC_URL: "https://status.example.com", SESSION_SECRET: "k".repeat(40) };

describe.each(providers)("mail fan-out under kill -9 on $name", (provider) => {
  const site = useTestDatabase(provider);
  let smtp: SmtpSink;
  const saved: Record<string, string | undefined> = {};
  const children: ChildProcess[] = [];

  const startDispatcher = async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/mail-dispatcher-process.ts"], {
      env: { ...process.env, ...ENV, BEACON_SMTP_URL: smtp.url, DATABASE_URL: site.target.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("dispatching") && resolve());
      child.once("exit", (code) => reject(new Error(`dispatcher exited with ${code}`)));
    });
    return child;
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    for (const [name, value] of Object.entries({ ...ENV, BEACON_SMTP_URL: smtp.url })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await smtp?.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("loses no mail and re-sends only what SMTP accepted just before the kill, under the same Message-ID", { timeout: 400_000 }, async () => {
    const ids = await createComponents(site.db);
    const actors = await createActors(site.db);
    await insertConfirmedSubscribers(site.db, SUBSCRIBERS);
    landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.production), { now: new Date() }));
    smtp.delayMs = 15; // slow enough that the kill lands mid-fan-out

    const first = await startDispatcher();
    await smtp.waitFor(SUBSCRIBERS / 3, 120_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const received = smtp.received.length;
    const inFlight = await site.db.mailDelivery.findMany({ where: { status: "sending" }, select: { messageId: true } });
    expect(received).toBeLessThan(SUBSCRIBERS);

    await startDispatcher();
    const deadline = Date.now() + 180_000;
    while (
      (await site.db.mailDelivery.count({ where: { status: "sent" } })) < SUBSCRIBERS ||
      (await site.db.mailJob.count({ where: { expandedAt: null } })) > 0
    ) {
      if (Date.now() > deadline) throw new Error("the restarted dispatcher did not finish");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const idsByAddress = new Map<string, string[]>();
    for (const mail of smtp.received) idsByAddress.set(mail.to[0]!, [...(idsByAddress.get(mail.to[0]!) ?? []), mail.parsed.messageId!]);
    expect(idsByAddress.size).toBe(SUBSCRIBERS);
    for (const messageIds of idsByAddress.values()) expect(new Set(messageIds).size).toBe(1);
    const duplicates = [...idsByAddress.values()].filter((messageIds) => messageIds.length > 1).map((messageIds) => messageIds[0]);
    const window = new Set(inFlight.map((row) => row.messageId));
    for (const duplicate of duplicates) expect(window.has(duplicate!)).toBe(true);
    expect(await site.db.mailDelivery.count()).toBe(SUBSCRIBERS);
    console.log(`kill -9 on ${provider.name}: ${received} mails before the kill, ${inFlight.length} rows in flight, ${duplicates.length} re-sent`);
  });
});
