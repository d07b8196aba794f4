// `npx tsx scripts/bench/mail-fanout.ts [--db=sqlite|postgresql|both] [--subscribers=100000] [--publishes=20] [--mails=5000]`:
// what subscriber mail costs (issue 14). On a throwaway database with the demo data and
// `--subscribers` confirmed subscribers it times `--publishes` Update posts through the publish
// use-case (each writes its one MailJob in the transaction), then the expansion of one publish into
// a delivery per subscriber, then sending the first `--mails` of them over pooled SMTP to a local
// smtp-server on 127.0.0.1, sampling this process's RSS (the dispatcher runs here, as in the
// server). Prints a Markdown table; asserts nothing; stops by itself.
import type { Actor } from "@/lib/auth/roles";
import { publishPost } from "@/lib/incidents/publish";
import { MailDispatcher } from "@/lib/mail/dispatcher";
import { createMailSender } from "@/lib/mail/transport";
import { loadEnv } from "@/lib/runtime/env";
import { startSmtpSink } from "../support/smtp-sink";
import { openDatabase } from "../support/seed";
import { insertConfirmedSubscribers } from "../support/subscribers";
import { benchArgs, onEachSeededDatabase } from "./run";
import { markdownTable, mb, ms, percentile } from "./stats";

const { subscribers, publishes, mails, providers } = benchArgs({ subscribers: 100_000, publishes: 20, mails: 5000 });

const BENCH_ACTOR: Actor = { userId: null, label: "bench", role: "commander", ip: "" };

const smtp = await startSmtpSink();
Object.assign(process.env, { BEACON_SMTP_URL: smtp.url, BEACON_MAIL_FROM: "bench@example.com", SESSION_SECRET: "b".repeat(40) });
const rows: string[][] = [];

await onEachSeededDatabase(providers, async (name, database) => {
  const db = openDatabase(database.databaseUrl);
  const sender = createMailSender(loadEnv().mail!);
  try {
    await insertConfirmedSubscribers(db, subscribers, 1_000_000);
    const incident = await db.incident.findFirstOrThrow({ where: { kind: "incident", resolvedAt: null, deletedAt: null }, include: { components: true } });
    const componentId = incident.components[0]!.componentId;
    const timings: number[] = [];
    for (let n = 0; n < publishes; n++) {
      const started = performance.now();
      const outcome = await publishPost(
        db,
        BENCH_ACTOR,
        { incidentNumber: incident.number, type: "update", body: `Bench update ${n}.`, stateChanges: [{ componentId, state: n % 2 ? "red" : "yellow" }] },
        { now: new Date() },
      );
      timings.push(performance.now() - started);
      if (outcome.status !== "published") throw new Error(`publish ${n}: ${outcome.status}`);
    }
    // Keep the newest publish's job only: one fan-out is what is measured.
    const newest = await db.mailJob.findFirstOrThrow({ orderBy: { id: "desc" } });
    await db.mailJob.deleteMany({ where: { id: { not: newest.id } } });

    const expander = new MailDispatcher(db, { sendBatch: 0, mail: { settings: loadEnv().mail!, sender } });
    let started = performance.now();
    for (let more = true; more; ) more = (await expander.runOnce()).more;
    const expandMs = performance.now() - started;
    const deliveries = await db.mailDelivery.count();

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const dispatcher = new MailDispatcher(db, { mail: { settings: loadEnv().mail!, sender } });
    smtp.received.length = 0;
    started = performance.now();
    while (smtp.received.length < Math.min(mails, deliveries)) await dispatcher.runOnce();
    const sendMs = performance.now() - started;
    clearInterval(sampler);
    rows.push([
      name,
      String(subscribers),
      ms(percentile(timings, 50)),
      ms(percentile(timings, 95)),
      `${(expandMs / 1000).toFixed(1)} s (${deliveries} rows)`,
      `${Math.round(smtp.received.length / (sendMs / 1000))}/s`,
      mb(peakRss / 1024),
    ]);
  } finally {
    sender.close();
    await db.$disconnect();
  }
});
await smtp.stop();
console.log(
  markdownTable(
    ["Database", "Subscribers", "Publish p50", "Publish p95", "Expand one publish", "Mails sent (pooled SMTP, 127.0.0.1)", "RSS peak while sending"],
    rows,
    ["l", "r", "r", "r", "r", "r", "r"],
  ),
);
process.exit(0);
