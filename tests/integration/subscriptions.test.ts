// Subscribing by mail through the public server on a real database (SQLite and PostgreSQL), with
// mail written by the real transport in `file:` mode and read back with mailparser: double opt-in,
// single-use confirmation, signed manage and one-click unsubscribe links, limits, bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSubscribers, removeSubscriber, subscriberCounts, subscriberCsvRow } from "@/lib/subscriptions/admin";
import { manageUrl, unsubscribeUrl } from "@/lib/subscriptions/links";
import { matchingSubscribers } from "@/lib/subscriptions/store";
import { ADDRESS_SUBSCRIBE_LIMIT, SOURCE_SUBSCRIBE_LIMIT } from "@/lib/subscriptions/subscribe";
import { leaksIn, publicOutputs } from "../support/public-outputs";
import { type SubscriptionSite, startSubscriptionSite } from "../support/subscription-site";
import { providers } from "../support/test-databases";

describe.each(providers)("subscriptions on $name", (provider) => {
  let site: SubscriptionSite;
  let ids: Record<string, number>;

  const subscriber = (email: string) => site.db.subscriber.findUnique({ where: { emailNormalized: email.toLowerCase() }, include: { components: true } });

  async function confirmToken(to: string): Promise<string> {
    const mails = await site.mailsTo(to);
    const match = /\/subscribe\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? "");
    if (!match) throw new Error(`no confirmation mail to ${to}`);
    return match[1]!;
  }
  const subscribeForm = (email: string, extra: Record<string, string | string[]> = {}) => ({ email, scope: "all", website: "", ...extra });

  beforeAll(async () => {
    site = await startSubscriptionSite(provider);
    ids = Object.fromEntries((await site.db.component.findMany()).map((component) => [component.slug, component.id]));
  });

  afterAll(() => site?.close());

  it("the form lists systems with their components; subscribing stores a pending address with its consent and mails a link", async () => {
    const form = await fetch(`${site.base}/subscribe`);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('action="/subscribe"');
    expect(html).toContain(`value="${ids["platform-api"]}"`);
    expect(html).toContain(`data-system-choice="${ids.production}"`);
    expect(await (await fetch(`${site.base}/history`)).text()).toContain('href="https://status.example.com/subscribe"');

    const response = await site.post(
      "/subscribe",
      subscribeForm(" Ada@Example.com ", { scope: "some", component: String(ids.production), maintenance: "on" }),
      "198.51.100.10",
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/subscribe/sent");
    const row = await subscriber("ada@example.com");
    expect(row).toMatchObject({ email: "Ada@Example.com", status: "pending", allComponents: false, maintenance: true, consentIp: "198.51.100.10" });
    expect(row?.components.map((c) => c.componentId)).toEqual([ids.production]);
    expect(row?.confirmTokenHash).toBeTruthy();
    const token = await confirmToken("ada@example.com");
    expect(row?.confirmTokenHash).not.toContain(token);
    expect((await fetch(`${site.base}/subscribe/sent`)).status).toBe(200);
  });

  it("a GET of the confirm link only shows the button; the POST confirms once, and a replay or forgery changes nothing", async () => {
    const token = await confirmToken("ada@example.com");
    const page = await fetch(`${site.base}/subscribe/confirm?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain('action="/subscribe/confirm"');
    expect((await subscriber("ada@example.com"))?.status).toBe("pending");

    const confirmed = await site.post("/subscribe/confirm", { token }, "198.51.100.11");
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("/subscribe/manage?token=");
    const row = await subscriber("ada@example.com");
    expect(row).toMatchObject({ status: "confirmed", confirmIp: "198.51.100.11", confirmTokenHash: null });

    expect((await site.post("/subscribe/confirm", { token })).status).toBe(404);
    expect((await site.post("/subscribe/confirm", { token: "A".repeat(43) })).status).toBe(404);
    expect((await fetch(`${site.base}/subscribe/confirm?token=${token}`)).status).toBe(404);
    expect((await subscriber("ada@example.com"))?.updatedAt).toEqual(row?.updatedAt);
  });

  it("an expired link is refused with 410 and the address stays pending", async () => {
    await site.post("/subscribe", subscribeForm("late@example.com"), "198.51.100.12");
    const token = await confirmToken("late@example.com");
    await site.db.subscriber.update({ where: { emailNormalized: "late@example.com" }, data: { confirmExpiresAt: new Date(Date.now() - 1000) } });
    expect((await fetch(`${site.base}/subscribe/confirm?token=${token}`)).status).toBe(410);
    expect((await site.post("/subscribe/confirm", { token })).status).toBe(410);
    expect((await subscriber("late@example.com"))?.status).toBe("pending");
  });

  it("the answer is the same for a new, a pending and a confirmed address; a confirmed one's choices are not changed", async () => {
    const answers = [];
    for (const email of ["new@example.com", "late@example.com", "ada@example.com"]) {
      const response = await site.post("/subscribe", subscribeForm(email), "198.51.100.13");
      answers.push([response.status, response.headers.get("location"), await response.text()]);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await subscriber("ada@example.com")).toMatchObject({ status: "confirmed", allComponents: false });
    const reminder = (await site.mailsTo("ada@example.com")).at(-1)!;
    expect(reminder.subject).toContain("already subscribed");
    // Long headers arrive folded (RFC 5322 §2.2.3): unfold before comparing.
    const header = (name: string) => reminder.headerLines.find((line) => line.key === name)?.line.replace(/\r\n[ \t]+/g, " ");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(header("list-unsubscribe")).toMatch(/^List-Unsubscribe: +<https:\/\/status\.example\.com\/unsubscribe\?token=[^>]+>$/);
  });

  it("per address: after the limit, asking again sends no more mail; per source: after its limit, 429 and nothing stored", async () => {
    for (let attempt = 0; attempt < ADDRESS_SUBSCRIBE_LIMIT + 2; attempt++) {
      expect((await site.post("/subscribe", subscribeForm("flood@example.com"), `203.0.113.${attempt + 1}`)).status).toBe(303);
    }
    expect((await site.mailsTo("flood@example.com")).length).toBe(ADDRESS_SUBSCRIBE_LIMIT);

    for (let n = 0; n < SOURCE_SUBSCRIBE_LIMIT; n++)
      expect((await site.post("/subscribe", subscribeForm(`many${n}@example.com`), "192.0.2.50")).status).toBe(303);
    const refused = await site.post("/subscribe", subscribeForm("one-more@example.com"), "192.0.2.50");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await subscriber("one-more@example.com")).toBeNull();
  });

  it("bad input is a 4xx and stores nothing: unknown or hidden components, line breaks, 10 KB addresses, huge bodies, other content types", async () => {
    const before = await site.db.subscriber.count();
    const hidden = await site.db.component.create({ data: { slug: "secret-box", name: "Secret box", hidden: true } });
    const cases: [Record<string, string | string[]> | string, number, Record<string, string>?][] = [
      [subscribeForm("x1@example.com", { scope: "some", component: "999999" }), 400],
      [subscribeForm("x2@example.com", { scope: "some", component: String(hidden.id) }), 400],
      [subscribeForm("x3@example.com", { scope: "some", component: "production" }), 400],
      [subscribeForm("x4@example.com\r\nBcc: victim@example.com"), 400],
      [subscribeForm("x5@example.com", { scope: "all\r\nX-Injected: 1" }), 400],
      [subscribeForm(`${"a".repeat(10 * 1024)}@example.com`), 400],
      [subscribeForm("not-an-address"), 400],
      [subscribeForm("x6@example.com", { scope: "some" }), 400],
      [`email=x7%40example.com&scope=all&pad=${"b".repeat(20 * 1024)}`, 413],
      [JSON.stringify({ email: "x8@example.com", scope: "all" }), 415, { "Content-Type": "application/json" }],
    ];
    for (const [fields, status, headers] of cases) {
      const response = await site.post("/subscribe", fields, "198.51.100.20", headers);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-security-policy")).toContain("form-action 'self'");
    }
    expect(await site.db.subscriber.count()).toBe(before);
  });

  it("a filled honeypot gets the usual answer and stores and sends nothing", async () => {
    const response = await site.post("/subscribe", subscribeForm("bot@example.com", { website: "https://spam.example" }), "198.51.100.21");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/subscribe/sent");
    expect(await subscriber("bot@example.com")).toBeNull();
    expect(await site.mailsTo("bot@example.com")).toEqual([]);
  });

  it("the manage page changes components, maintenance and pause; a forged link changes nothing", async () => {
    const ada = (await subscriber("ada@example.com"))!;
    const link = new URL(manageUrl(ada));
    const page = await fetch(`${site.base}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain("Ada@Example.com");

    const token = link.searchParams.get("token")!;
    const saved = await site.post("/subscribe/manage", {
      token,
      scope: "some",
      component: [String(ids["platform-api"]), String(ids.development)],
      paused: "on",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toContain("saved=1");
    const after = (await subscriber("ada@example.com"))!;
    expect(after).toMatchObject({ allComponents: false, maintenance: false, paused: true });
    expect(after.components.map((c) => c.componentId).sort()).toEqual([ids["platform-api"], ids.development].sort());

    const forged = `${ada.id}.${ada.manageKeyVersion}.${"x".repeat(43)}`;
    expect((await site.post("/subscribe/manage", { token: forged, scope: "all" })).status).toBe(404);
    expect((await fetch(`${site.base}/subscribe/manage?token=${forged}`)).status).toBe(404);
    const unknown = await site.post("/subscribe/manage", { token, scope: "some", component: "999999" });
    expect(unknown.status).toBe(400);
    expect(await subscriber("ada@example.com")).toEqual(after);
    await site.post("/subscribe/manage", { token, scope: "some", component: String(ids.production) });
  });

  it("a system includes its sub-components; paused, pending and maintenance choices are respected", async () => {
    const ada = (await subscriber("ada@example.com"))!;
    const everyone = (await subscriber("new@example.com"))!;
    await site.db.subscriber.update({ where: { id: everyone.id }, data: { status: "confirmed" } });
    const matched = async (componentIds: (number | undefined)[], maintenance = false) =>
      (await matchingSubscribers(site.db, { componentIds: componentIds.map(Number), maintenance }, 0, 100)).map((row) => row.id);
    expect(await matched([ids["platform-api"]])).toEqual([ada.id, everyone.id].sort((a, b) => a - b));
    expect(await matched([ids.development])).toEqual([everyone.id]);
    expect(await matched([ids["platform-api"]], true)).toEqual([]);
    await site.db.subscriber.update({ where: { id: ada.id }, data: { maintenance: true } });
    expect(await matched([ids["platform-api"]], true)).toEqual([ada.id]);
    expect(await matched([ids["platform-api"]], false)).toContain(ada.id);
    expect(await matched([ids["platform-api"]])).not.toContain((await subscriber("late@example.com"))!.id);
  });

  it("one-click unsubscribe (RFC 8058) answers 200 at once; the manage link then shows the address unsubscribed", async () => {
    const ada = (await subscriber("ada@example.com"))!;
    const link = new URL(unsubscribeUrl(ada));
    const page = await fetch(`${site.base}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect((await subscriber("ada@example.com"))?.status).toBe("confirmed");

    const response = await site.post(`${link.pathname}${link.search}`, "List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect(await subscriber("ada@example.com")).toMatchObject({ status: "unsubscribed" });
    expect((await site.post(`${link.pathname}${link.search}`, "List-Unsubscribe=One-Click")).status).toBe(200);
    expect((await site.post(`/unsubscribe?token=${ada.id}.${ada.manageKeyVersion}.${"y".repeat(43)}`, "List-Unsubscribe=One-Click")).status).toBe(404);
    const manage = new URL(manageUrl(ada));
    expect(await (await fetch(`${site.base}${manage.pathname}${manage.search}`)).text()).toContain("You are unsubscribed");
  });

  it("the admin counts, finds by part of an address, exports consent and language as CSV and removes with an audit event that keeps no address", async () => {
    const counts = await subscriberCounts(site.db);
    expect(counts).toMatchObject({ confirmed: 1, unsubscribed: 1 });
    expect(counts.pending).toBeGreaterThan(10);
    await site.db.subscriber.update({ where: { emailNormalized: "late@example.com" }, data: { locale: "ja" } });
    const found = await listSubscribers(site.db, "LATE@");
    expect(found.map((row) => row.email)).toEqual(["late@example.com"]);
    expect(found[0]).toMatchObject({ components: "All components", consentIp: "198.51.100.13", locale: "ja" });
    expect(subscriberCsvRow(found[0]!)).toEqual([
      "late@example.com",
      "pending",
      "false",
      "false",
      "All components",
      found[0]!.consentedAt.toISOString(),
      "198.51.100.13",
      "",
      "",
      "ja",
    ]);

    const admin = await site.db.user.create({ data: { email: "root@example.com", name: "Root", role: "admin", passwordHash: "x" } });
    await removeSubscriber(site.db, { userId: admin.id, label: admin.email, ip: "", role: "admin" }, found[0]!.id);
    expect(await subscriber("late@example.com")).toBeNull();
    const event = await site.db.auditEvent.findFirstOrThrow({ where: { action: "subscriber.remove" } });
    expect(JSON.stringify(event)).not.toContain("late@");
  });

  it("subscriber addresses appear in no public output", async () => {
    const incident = await site.db.incident.findFirstOrThrow({ select: { number: true } });
    const addresses = (await site.db.subscriber.findMany({ select: { email: true } })).map((row) => row.email);
    expect(addresses.length).toBeGreaterThan(5);
    expect(leaksIn(await publicOutputs(site.db, site.base, incident.number), addresses)).toEqual([]);
  });
});
