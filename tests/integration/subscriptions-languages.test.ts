// Subscribing in the reader's language, through the public server on a real database (SQLite and
// PostgreSQL) with mail written as .eml files: a form sent from /subscribe?lang=de is answered in
// German, records German, mails German (the confirmation, then the notices the dispatcher sends);
// the manage page changes the language; refused subscribes are audited under their own action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIncident } from "@/lib/incidents/publish";
import { MailDispatcher } from "@/lib/mail/dispatcher";
import { SOURCE_SUBSCRIBE_LIMIT, subscribe } from "@/lib/subscriptions/subscribe";
import { createActors, landed, openProductionOutage } from "../support/publish-fixtures";
import { type SubscriptionSite, startSubscriptionSite } from "../support/subscription-site";
import { providers } from "../support/test-databases";

describe.each(providers)("subscriptions in the reader's language on $name", (provider) => {
  let site: SubscriptionSite;

  const subscriber = (email: string) => site.db.subscriber.findUniqueOrThrow({ where: { emailNormalized: email } });
  const local = (url: string) => {
    const parsed = new URL(url);
    return `${site.base}${parsed.pathname}${parsed.search}`;
  };

  const linkIn = async (to: string, pattern: RegExp) => {
    const match = pattern.exec((await site.mailsTo(to)).at(-1)?.text ?? "");
    if (!match) throw new Error(`no link like ${pattern} in the mail to ${to}`);
    return match[0];
  };

  beforeAll(async () => {
    site = await startSubscriptionSite(provider);
  });

  afterAll(() => site?.close());

  it("the form, its errors and its answer speak the page's language, and the footer link keeps it", async () => {
    const form = await (await fetch(`${site.base}/subscribe?lang=de`)).text();
    expect(form).toContain('<html lang="de"');
    expect(form).toContain("Updates abonnieren");
    expect(form).toContain('action="/subscribe?lang=de"');
    expect(await (await fetch(`${site.base}/history?lang=fr`)).text()).toContain(">S’abonner aux mises à jour</a>");
    expect(await (await fetch(`${site.base}/history?lang=fr`)).text()).toContain('href="https://status.example.com/subscribe?lang=fr"');

    const wrong = await site.post("/subscribe?lang=de", { email: "not-an-address", scope: "all", website: "" });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain("Bitte korrigieren Sie Folgendes:");
    expect(html).toContain("Geben Sie eine E-Mail-Adresse wie name@example.com ein.");

    const sent = await site.post("/subscribe?lang=de", { email: "erika@example.com", scope: "all", website: "" }, "198.51.100.30");
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/subscribe/sent?lang=de");
    expect(await (await fetch(`${site.base}/subscribe/sent?lang=de`)).text()).toContain("Prüfen Sie Ihr Postfach");
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "de", status: "pending" });
  });

  it("a subscriber from the German page gets a German confirmation mail, whose link confirms in German", async () => {
    const mail = (await site.mailsTo("erika@example.com")).at(-1)!;
    expect(mail.subject).toBe("Bestätigen Sie Ihr Abonnement von Beacon status");
    const confirm = await linkIn("erika@example.com", /https:\/\/status\.example\.com\/subscribe\/confirm\?token=[\w-]+&lang=de/);
    const page = await fetch(local(confirm));
    const html = await page.text();
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("Ab jetzt Statusmeldungen an erika@example.com senden?");
    const token = new URL(confirm).searchParams.get("token")!;
    const confirmed = await site.post("/subscribe/confirm?lang=de", { token }, "198.51.100.31");
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Ihr Abonnement ist aktiv");
    expect(await subscriber("erika@example.com")).toMatchObject({ status: "confirmed", locale: "de" });
  });

  it("without ?lang the form records the page's default language", async () => {
    await site.post("/subscribe", { email: "plain@example.com", scope: "all", website: "" }, "198.51.100.32");
    expect(await subscriber("plain@example.com")).toMatchObject({ locale: "en" });
    expect((await site.mailsTo("plain@example.com")).at(-1)?.subject).toBe("Confirm your subscription to Beacon status");
  });

  it("notices are written in the subscriber's language; the manage page changes it", async () => {
    const actors = await createActors(site.db);
    const production = await site.db.component.findFirstOrThrow({ where: { slug: "production" } });
    landed(await openIncident(site.db, actors.commander, openProductionOutage(production.id), { now: new Date() }));
    await new MailDispatcher(site.db).drain();
    const notice = (await site.mailsTo("erika@example.com")).at(-1)!;
    expect(notice.subject).toBe("[Untersuchung] Elevated errors on Production — Beacon status");
    expect(notice.text).toContain("We are investigating elevated error rates.");
    expect(notice.text).toContain("Production: Ausfall");

    const manage = await linkIn("erika@example.com", /https:\/\/status\.example\.com\/subscribe\/manage\?token=[\w.-]+&lang=de/);
    const page = await (await fetch(local(manage))).text();
    expect(page).toContain("Sprache der E-Mails");
    expect(page).toMatch(/<option value="de" lang="de" selected="">Deutsch<\/option>/);
    const token = new URL(manage).searchParams.get("token")!;
    const saved = await site.post("/subscribe/manage?lang=de", { token, scope: "all", language: "fr" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/subscribe/manage?token=${token}&saved=1&lang=fr`);
    expect(await (await fetch(`${site.base}${saved.headers.get("location")}`)).text()).toContain("Vos choix sont enregistrés.");
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "fr" });
    expect((await site.post("/subscribe/manage?lang=de", { token, scope: "all", language: "xx" })).status).toBe(400);
    expect(await subscriber("erika@example.com")).toMatchObject({ locale: "fr" });
  });

  it("refused subscribes are audited as subscription.subscribe_throttled with the source's IP", async () => {
    const send = async () => undefined;
    const form = (n: number) => ({ email: `flood${n}@example.com`, scope: "all" as const, component: [], maintenance: false });
    const start = new Date();
    const visitor = (ms: number) => ({ ip: "192.0.2.77", now: new Date(start.getTime() + ms), locale: "en" as const, pageName: "Beacon status" });
    for (let n = 0; n < SOURCE_SUBSCRIBE_LIMIT; n++) expect((await subscribe(site.db, form(n), visitor(n), send)).kind).toBe("accepted");
    for (let n = 0; n < 3; n++) expect((await subscribe(site.db, form(100 + n), visitor(1000 + n), send)).kind).toBe("throttled");
    // The lock (30 s) is over: the next attempt is admitted and writes the refusals down.
    expect((await subscribe(site.db, form(200), visitor(60_000), send)).kind).toBe("accepted");
    const events = await site.db.auditEvent.findMany({ where: { targetId: "subscribe-source:192.0.2.77" } });
    expect(events.map((event) => ({ action: event.action, ip: event.ip, refused: (event.after as { refused: number }).refused }))).toEqual([
      { action: "subscription.subscribe_throttled", ip: "192.0.2.77", refused: 3 },
    ]);
  });
});
