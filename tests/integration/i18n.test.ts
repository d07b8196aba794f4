// The public side in five languages and any time zone, from a real database (SQLite and PostgreSQL)
// through the public HTTP layer: each language's page, the admin's default language, the switch
// remembered by cookie, zones rendered by the server, feeds in the language and APIs unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePageLanguage } from "@/lib/admin/page-language";
import { LOCALES } from "@/lib/i18n";
import { answerCacheStats } from "@/lib/public/answers";
import { createActors } from "../support/publish-fixtures";
import { type DemoSite, startDemoSite } from "../support/public-server";
import { providers } from "../support/test-databases";

const VERDICT_YELLOW = {
  en: "Partial disruption",
  de: "Teilweise Störung",
  fr: "Perturbation partielle",
  es: "Interrupción parcial",
  ja: "一部で障害が発生しています",
} as const;

const HISTORY_HEADING = {
  en: "Incident history",
  de: "Störungsverlauf",
  fr: "Historique des incidents",
  es: "Historial de incidencias",
  ja: "障害履歴",
} as const;

describe.each(providers)("languages and time zones on $name", (provider) => {
  let site: DemoSite;

  beforeAll(async () => {
    site = await startDemoSite(provider);
  });

  afterAll(() => site?.close());

  it.each(LOCALES)("serves the home page and history in %s, with hreflang alternates and links that keep the language", async (lang) => {
    const home = await site.read(`/?lang=${lang}`);
    expect(home.status).toBe(200);
    expect(home.text).toContain(`<html lang="${lang}"`);
    expect(home.text).toContain(VERDICT_YELLOW[lang]);
    for (const other of LOCALES) expect(home.text).toMatch(new RegExp(`<link rel="alternate" hrefLang="${other}" href="[^"]+/\\?lang=${other}"/>`, "i"));
    expect(home.text).toContain(`href="/history?lang=${lang}"`);
    const history = await site.read(`/history?lang=${lang}`);
    expect(history.text).toContain(`<h1 class="text-2xl font-bold">${HISTORY_HEADING[lang]}</h1>`);
  });

  it("speaks the admin's default language at bare addresses, and English again when it is reset", async () => {
    const actors = await createActors(site.db);
    await updatePageLanguage(site.db, actors.admin, { language: "fr" });
    const bare = await site.read("/");
    expect(bare.text).toContain('<html lang="fr"');
    expect(bare.text).toContain(VERDICT_YELLOW.fr);
    // A chosen language wins over the default, and links on a bare page carry no ?lang.
    expect((await site.read("/?lang=de")).text).toContain(VERDICT_YELLOW.de);
    expect(bare.text).toContain('href="/history"');
    await updatePageLanguage(site.db, actors.admin, { language: "en" });
    expect((await site.read("/")).text).toContain(VERDICT_YELLOW.en);
  });

  it("refuses an unknown language with a 400 and keeps no answer per invented language", async () => {
    await site.read("/?lang=xx");
    const before = answerCacheStats().entries;
    for (let index = 0; index < 20; index += 1) expect((await site.read(`/?lang=x${index}`)).status).toBe(400);
    expect(answerCacheStats().entries).toBe(before);
    expect((await site.read("/?tz=Mars/Olympus")).status).toBe(400);
  });

  it("remembers a switch: /lang sets the cookie, and a bare address then redirects privately to the language", async () => {
    const switched = await fetch(`${site.base}/lang?set=de&return=${encodeURIComponent("/history?page=1")}`, { redirect: "manual" });
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe("/history?page=1&lang=de");
    const cookie = switched.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toBe("beacon-lang=de");
    const again = await fetch(`${site.base}/incidents/1`, { headers: { cookie }, redirect: "manual" });
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/incidents/1?lang=de");
    expect(again.headers.get("cache-control")).toBe("private, no-store");
    expect(again.headers.get("vary")).toBe("Cookie");
    // The cached pages themselves never vary by cookie.
    const page = await site.read("/history?lang=de", { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get("vary") ?? "").not.toMatch(/cookie/i);
    expect(page.headers.get("cache-control")).toMatch(/^public/);
  });

  it("renders times in a chosen zone on the server, and in UTC otherwise", async () => {
    const utc = await site.read("/history?page=1");
    expect(utc.text).toMatch(/<time dateTime="[^"]+" data-local="">[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2} UTC<\/time>/);
    const tokyo = await site.read("/history?page=1&tz=Asia/Tokyo");
    expect(tokyo.text).toContain('data-tz="Asia/Tokyo"');
    expect(tokyo.text).toMatch(/data-local="">[A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2} GMT\+9<\/time>/);
    expect(tokyo.text).not.toMatch(/data-local="">[^<]* UTC<\/time>/);
    expect(tokyo.text).toContain('href="/?tz=Asia%2FTokyo"');
  });

  it("writes feeds' fixed texts in the language, and leaves the JSON APIs' values alone", async () => {
    const atom = await site.read("/history.atom?lang=de");
    expect(atom.text).toContain("Störungsverlauf");
    const json = JSON.parse((await site.read("/history.json?lang=es")).text) as { language: string; title: string };
    expect(json.language).toBe("es");
    expect(json.title).toContain("historial de incidencias");
    const summary = (await site.read("/api/v2/summary.json")).text;
    expect((await site.read("/api/v2/summary.json?lang=de")).text).toBe(summary);
    expect(summary).not.toMatch(/Störung|Betriebsbereit/);
  });
});
