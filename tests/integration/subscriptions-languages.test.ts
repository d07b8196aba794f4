// Subscribing in the reader's language, through the public server on a real database (SQLite and
// PostgreSQL) with mail written as .eml files: a form sent from /subscribe?lang=de is answered in
// German, records German, mails German (the confirmation, then the notices the dispatcher sends);
// the manage page changes the language; refused subscribes are audited under their own action.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { openIncident } from "@/lib/incidents/publish";
import { MailDispatcher } from "@/lib/mail/dispatcher";
import { handlePublicRequest } from "@/lib/public/server";
import { handleSubscriptionRequest } from "@/lib/public/subscription-forms";
import { clearCurrentSnapshot } from "@/lib/snapshot/current";
import { SOURCE_SUBSCRIBE_LIMIT, subscribe } from "@/lib/subscriptions/subscribe";
import { createActors, landed, openProductionOutage } from "../support/publish-fixtures";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe.each(providers)("subscriptions in the reader's language on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: Server;
  let base: string;
  let mailDir: string;
  const saved = { smtp: process.env.BEACON_SMTP_URL, from: process.env.BEACON_MAIL_FROM, url: process.env.BEACON_PUBLIC_URL };

  const post = (pathname: string, fields: Record<string, string>, ip = "198.51.100.1") =>
    fetch(`${base}${pathname}`, {
      method: "POST",
      headers: { ...FORM, "x-test-peer": ip },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });
  const subscriber = (email: string) => database.db.subscriber.findUniqueOrThrow({ where: { emailNormalized: email } });
  const local = (url: string) => {
    const parsed = new URL(url);
    return `${base}${parsed.pathname}${parsed.search}`;
  };

  async function mailsTo(to: string) {
    const files = readdirSync(mailDir)
      .filter((name) => name.endsWith(".eml"))
      .sort();
    const parsed = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(mailDir, name)))));
    return parsed.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((address) => address?.text.includes(to)));
  }
  const linkIn = async (to: string, pattern: RegExp) => {
    const match = pattern.exec((await mailsTo(to)).at(-1)?.text ?? "");
    if (!match) throw new Error(`no link like ${pattern} in the mail to ${to}`);
    return match[0];
  };

  beforeAll(async () => {
    mailDir = mkdtempSync(path.join(tmpdir(), "beacon-mail-lang-"));
    process.env.BEACON_SMTP_URL = `file:${mailDir}`;
    process.env.BEACON_MAIL_FROM = "Example status <status@example.com>";
    process.env.BEACON_PUBLIC_URL = "https://status.example.com";
    database = await openTestDatabase(provider);
    await seedDemo(database.db, { now: new Date() });
    globals.beaconDb = database.db;
    clearCurrentSnapshot();
    invalidatePublicViews();
    server = createServer((request, response) => {
      request.headers[PEER_ADDRESS_HEADER] = String(request.headers["x-test-peer"] ?? "127.0.0.1");
      void (handleSubscriptionRequest(request, response) || handlePublicRequest(request, response)).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    globals.beaconDb = undefined;
    await database?.close();
    rmSync(mailDir, { recursive: true, force: true });
    for (const [name, value] of [
      ["BEACON_SMTP_URL", saved.smtp],
      ["BEACON_MAIL_FROM", saved.from],
      ["BEACON_PUBLIC_URL", saved.url],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("the form, its errors and its answer speak the page's language, and the footer link keeps it", async () => {
    const form = await (await fetch(`${base}/subscribe?lang=de`)).text();
    expect(form).toContain('<html lang="de"');
    expect(form).toContain("Updates abonnieren");
    expect(form).toContain('action="/subscribe?lang=de"');
    expect(await (await fetch(`${base}/history?lang=fr`)).text()).toContain(">S’abonner aux mises à jour</a>");
    expect(await (await fetch(`${base}/history?lang=fr`)).text()).toContain('href="https://status.example.com/subscribe?lang=fr"');

    const wrong = await post("/subscribe?lang=de", { email: "not-an-address", scope: "all", website: "" });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("Bitte korrigieren Sie Folgendes:");
    expect(html).toContain("Geben Sie eine E-Mail-Adresse wie name@example.com ein.");

    const sent = await post("/subscribe?lang=de", { email: "erika@example.com", scope: "all", website: "" }, "198.51.100.30");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/subscribe/sent?lang=de");
    expect(await (await fetch(`${base}/subscribe/sent?lang=de`)).text()).toContain("Prüfen Sie Ihr Postfach");
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "de", status: "pending" });
  });

  it("a subscriber from the German page gets a German confirmation mail, whose link confirms in German", async () => {
    const mail = (await mailsTo("erika@example.com")).at(-1)!;
    expect(mail.subject).toBe("Bestätigen Sie Ihr Abonnement von Beacon status");
    const confirm = await linkIn("erika@example.com", /https:\/\/status\.example\.com\/subscribe\/confirm\?token=[\w-]+&lang=de/);
    const page = await fetch(local(confirm));
    const html = await page.text();
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("Ab jetzt Statusmeldungen an erika@example.com senden?");
    const token = new URL(confirm).searchParams.get("token")!;
    const confirmed = await post("/subscribe/confirm?lang=de", { token }, "198.51.100.31");
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Ihr Abonnement ist aktiv");
    expect(await subscriber("erika@example.com")).toMatchObject({ status: "confirmed", locale: "de" });
  });

  it("without ?lang the form records the page's default language", async () => {
    await post("/subscribe", { email: "plain@example.com", scope: "all", website: "" }, "198.51.100.32");
    expect(await subscriber("plain@example.com")).toMatchObject({ locale: "en" });
    expect((await mailsTo("plain@example.com")).at(-1)?.subject).toBe("Confirm your subscription to Beacon status");
  });

  it("notices are written in the subscriber's language; the manage page changes it", async () => {
    const actors = await createActors(database.db);
    const production = await database.db.component.findFirstOrThrow({ where: { slug: "production" } });
    landed(await openIncident(database.db, actors.commander, openProductionOutage(production.id), { now: new Date() }));
    await new MailDispatcher(database.db).drain();
    const notice = (await mailsTo("erika@example.com")).at(-1)!;
    expect(notice.subject).toBe("[Untersuchung] Elevated errors on Production — Beacon status");
    expect(notice.text).toContain("We are investigating elevated error rates.");
    expect(notice.text).toContain("Production: Ausfall");

    const manage = await linkIn("erika@example.com", /https:\/\/status\.example\.com\/subscribe\/manage\?token=[\w.-]+&lang=de/);
    const page = await (await fetch(local(manage))).text();
    expect(page).toContain("Sprache der E-Mails");
    expect(page).toMatch(/<option value="de" lang="de" selected="">Deutsch<\/option>/);
    const token = new URL(manage).searchParams.get("token")!;
    const saved = await post("/subscribe/manage?lang=de", { token, scope: "all", language: "fr" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/subscribe/manage?token=${token}&saved=1&lang=fr`);
    expect(await (await fetch(`${base}${saved.headers.get("location")}`)).text()).toContain("Vos choix sont enregistrés.");
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "fr" });
    expect((await post("/subscribe/manage?lang=de", { token, scope: "all", language: "xx" })).status).toBe(400);
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "fr" });
  });

  it("refused subscribes are audited as subscription.subscribe_throttled with the source's IP", async () => {
    const send = async () => undefined;
    const form = (n: number) => ({ email: `flood${n}@example.com`, scope: "all" as const, component: [], maintenance: false });
    const start = new Date();
    const visitor = (ms: number) => ({ ip: "192.0.2.77", now: new Date(start.getTime() + ms), locale: "en" as const });
    for (let n = 0; n < SOURCE_SUBSCRIBE_LIMIT; n++) expect((await subscribe(database.db, form(n), visitor(n), send)).kind).toBe("accepted");
    for (let n = 0; n < 3; n++) expect((await subscribe(database.db, form(100 + n), visitor(1000 + n), send)).kind).toBe("throttled");
    // The lock (30 s) is over: the next attempt is admitted and writes the refusals down.
    expect((await subscribe(database.db, form(200), visitor(60_000), send)).kind).toBe("accepted");
    const events = await database.db.auditEvent.findMany({ where: { targetId: "subscribe-source:192.0.2.77" } });
    expect(events.map((event) => ({ action: event.action, ip: event.ip, refused: (event.after as { refused: number }).refused }))).toEqual([
      { action: "subscription.subscribe_throttled", ip: "192.0.2.77", refused: 3 },
    ]);
  });
});
