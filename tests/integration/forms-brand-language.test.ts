// The pages a reader or subscriber reaches through the public forms — /subscribe and its
// confirmation mail, a private site's /access, its answers and its mailed sign-in link — carry the
// page's name (its brand) and speak the reader's language, on a real SQLite file and a real
// PostgreSQL, through the public HTTP layer as `npm start` chains it, with mail written as .eml files.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAccess } from "@/lib/access/admin";
import { forgetAccessCopy } from "@/lib/access/config";
import { updateBrand } from "@/lib/branding/settings";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { createActors } from "../support/publish-fixtures";
import { type SiteServer, startSiteServer } from "../support/site-server";
import { providers } from "../support/test-databases";

const PASSWORD = "correct horse battery";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const ENV = {
  BEACON_DATA_DIR: "",
  SESSION_SECRET: "f".repeat(40),
  BEACON_SMTP_URL: "",
  BEACON_MAIL_FROM: "Status <status@example.com>",
  BEACON_PUBLIC_URL: "https://status.example.com",
};

describe.each(providers)("the forms' pages and mails, branded and in the reader's language, on $name", (provider) => {
  let database: AppDatabase;
  let actors: Awaited<ReturnType<typeof createActors>>;
  let server: SiteServer;
  let dataDir: string;
  const saved: Record<string, string | undefined> = {};

  const get = async (pathname: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.base}${pathname}`, { headers, redirect: "manual" });
    return { status: response.status, location: response.headers.get("location"), text: await response.text() };
  };
  const post = async (pathname: string, fields: Record<string, string>, ip = "198.51.100.9") => {
    const response = await fetch(`${server.base}${pathname}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { ...FORM, "x-test-peer": ip },
      redirect: "manual",
    });
    return { status: response.status, location: response.headers.get("location"), text: await response.text() };
  };
  const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
  async function newestMailTo(address: string) {
    const mailDir = path.join(dataDir, "mail");
    const files = readdirSync(mailDir)
      .filter((name) => name.endsWith(".eml"))
      .sort();
    const mails = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(mailDir, name)))));
    return mails.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text.includes(address))).at(-1)!;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "beacon-forms-brand-"));
    for (const [name, value] of Object.entries({ ...ENV, BEACON_DATA_DIR: dataDir, BEACON_SMTP_URL: `file:${path.join(dataDir, "mail")}` })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    database = await openAppDatabase(provider, { demo: true });
    actors = await createActors(database.db);
    forgetAccessCopy();
    await updateBrand(database.db, actors.admin, { name: "Example status", accent: null, supportUrl: null, footer: null });
    server = await startSiteServer();
  });

  afterAll(async () => {
    await server?.close();
    forgetAccessCopy();
    await database?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("names the page in the subscription pages' titles and in the confirmation mail", async () => {
    expect(title((await get("/subscribe")).text)).toBe("Subscribe to updates · Example status");
    expect(title((await get("/subscribe/sent?lang=de")).text)).toBe("Prüfen Sie Ihr Postfach · Example status");
    const sent = await post("/subscribe", { email: "brand@example.org", scope: "all", website: "" });
    expect(sent.status).toBe(303);
    const mail = await newestMailTo("brand@example.org");
    expect(mail.subject).toBe("Confirm your subscription to Example status");
    expect(mail.text).toContain("receive Example status updates");
    expect(mail.html).toContain("Example status");
    expect(`${mail.subject} ${mail.text}`).not.toContain("Beacon status");
  });

  it("names the page in /access's title, and in the sign-in link's mail, written in the reader's language", async () => {
    expect(title((await get("/access")).text)).toBe("This status page is public · Example status");
    await updateAccess(database.db, actors.admin, {
      private: true,
      password: PASSWORD,
      removePassword: false,
      emailDomains: ["example.com"],
      ipRanges: [],
      rotateFeedTokens: false,
    });
    expect(title((await get("/access")).text)).toBe("Sign in · Example status");

    const asked = await post("/access/mail?lang=de", { email: "anna@example.com", return: "/history" });
    expect(asked.location).toBe("/access?sent=1&return=%2Fhistory&lang=de");
    expect((await get(asked.location!)).text).toContain("ist ein Anmeldelink unterwegs. Er funktioniert einmal, 15 Minuten lang.");
    const mail = await newestMailTo("anna@example.com");
    expect(mail.subject).toBe("Ihr Anmeldelink für Example status");
    expect(mail.text).toContain("Öffnen Sie diesen Link innerhalb von 15 Minuten, um Example status zu lesen:");
    const link = new URL(/https:\/\/status\.example\.com\/access\?\S+/.exec(mail.text!)![0]);
    expect(link.searchParams.get("lang")).toBe("de");
    const landing = await get(`${link.pathname}${link.search}`);
    expect(landing.text).toContain('<html lang="de"');
    expect(landing.text).toContain("Bei der Statusseite anmelden");
    expect(landing.text).toContain('action="/access/link?lang=de"');
  });

  it("shows /access and its answers in German: by address, by the page asked for, by the remembered choice", async () => {
    const page = await get("/access?lang=de");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="de"');
    expect(title(page.text)).toBe("Anmelden · Example status");
    for (const text of ["Diese Statusseite ist privat", "Passwort", "Ihre geschäftliche E-Mail-Adresse", "Anmeldelink per E-Mail senden"])
      expect(page.text).toContain(text);
    expect(page.text).toContain('action="/access?lang=de"');
    expect(page.text).toContain('action="/access/mail?lang=de"');
    expect(page.text).not.toMatch(/>(Password|Sign in|Your work email)</);

    // The gate sends a reader of a German page to /access with it as the return address.
    const refused = await get("/history?lang=de");
    expect(refused.status).toBe(303);
    const gatePage = (await get(refused.location!)).text;
    expect(gatePage).toContain('<html lang="de"');
    // Its language links return to /access with the same target, not to a bare /access.
    expect(gatePage).toContain(`href="/lang?set=fr&amp;return=${encodeURIComponent(`/access?return=${encodeURIComponent("/history")}`)}"`);
    // The remembered language (the /lang cookie) leads to the German address.
    const remembered = await get("/access", { cookie: "beacon-lang=de" });
    expect(remembered.status).toBe(303);
    expect(remembered.location).toBe("/access?lang=de");

    const wrong = await post("/access?lang=de", { password: "not the password", return: "/" });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain("Dieses Passwort ist nicht richtig.");
    expect(wrong.text).toContain('<html lang="de"');
    const badLink = await post("/access/link?lang=de", { token: "x".repeat(30), return: "/" });
    expect(badLink.status).toBe(410);
    expect(badLink.text).toContain("Dieser Anmeldelink ist abgelaufen oder wurde schon benutzt.");
    const feed = await post("/access/feed-token?lang=fr", {});
    expect(feed.status).toBe(401);
    expect(feed.text).toContain("les adresses de flux sont réservées aux lecteurs connectés");
  });

  it("tells a throttled reader the wait in their language", async () => {
    let answer = await post("/access?lang=es", { password: "wrong", return: "/" }, "192.0.2.200");
    for (let attempt = 0; attempt < 12 && answer.status !== 429; attempt++)
      answer = await post("/access?lang=es", { password: "wrong", return: "/" }, "192.0.2.200");
    expect(answer.status).toBe(429);
    expect(answer.text).toMatch(/Demasiadas contraseñas incorrectas\. Vuelva a intentarlo dentro de \d+ minutos?\./);
  });
});
