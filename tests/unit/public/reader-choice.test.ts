// The reader's language and zone in the address: validated by the router into the answer's key
// (an unknown one is a 400 and never a new key), and remembered through /lang and a private redirect.
import { describe, expect, it } from "vitest";
import { languageSwitch, rememberedLanguageRedirect } from "@/lib/public/language";
import { route } from "@/lib/public/router";

const BASE = "https://status.example.com";

function routed(path: string, search: string) {
  const found = route(path, search);
  if (!found) throw new Error(`${path}${search} is not public`);
  return found;
}

describe("?lang= and ?tz= in the router", () => {
  it("name one answer per language and zone on pages", () => {
    const keys = ["", "?lang=de", "?lang=fr", "?lang=de&tz=Europe/Berlin", "?tz=Asia/Tokyo"].map((search) => routed("/incidents/386", search).key);
    expect(new Set(keys).size).toBe(keys.length);
    const page = routed("/history", "?page=2&lang=ja&tz=Asia/Tokyo");
    expect(page.error).toBeUndefined();
    expect(page.error ? null : page.choice).toEqual({ lang: "ja", tz: "Asia/Tokyo" });
  });

  it("keep the key of an address without them unchanged, and an empty value means none", () => {
    expect(routed("/", "?lang=&tz=").key).toBe(routed("/", "").key);
    expect(routed("/", "?utm_source=x").key).toBe(routed("/", "").key);
  });

  it("answer an unknown language or zone with a 400 whose key is the same whatever was asked", () => {
    const invalid = ["?lang=xx", "?lang=klingon", "?lang=DE", "?lang=de-DE", "?lang=%3Cscript%3E"].map((search) => routed("/", search));
    for (const found of invalid) expect(found.error?.(BASE).status).toBe(400);
    expect(new Set(invalid.map((found) => found.key)).size).toBe(1);
    const zones = ["?tz=Mars/Olympus", "?tz=Nowhere/1", "?tz=Nowhere/2"].map((search) => routed("/history", search));
    for (const found of zones) expect(found.error?.(BASE).status).toBe(400);
    expect(new Set(zones.map((found) => found.key)).size).toBe(1);
  });

  it("name one answer per zone however it is spelled", () => {
    expect(routed("/", "?tz=europe/berlin").key).toBe(routed("/", "?tz=Europe/Berlin").key);
  });

  it("translate feeds' fixed texts but never the JSON APIs, which ignore both", () => {
    expect(routed("/history.atom", "?lang=de").key).not.toBe(routed("/history.atom", "").key);
    expect(routed("/history.rss", "?lang=xx").error?.(BASE).status).toBe(400);
    expect(routed("/components/production/history.rss", "?lang=fr").key).not.toBe(routed("/components/production/history.rss", "").key);
    expect(routed("/api/v2/summary.json", "?lang=de").key).toBe(routed("/api/v2/summary.json", "").key);
    expect(routed("/api/v2/summary.json", "?lang=xx").error).toBeUndefined();
    expect(routed("/api/v4/current-status", "?tz=Mars/Olympus").error).toBeUndefined();
  });

  it("render a 400 page in the language asked for when that language is valid", () => {
    const found = routed("/history", "?lang=de&page=0");
    const body = String(found.error?.(BASE).body);
    expect(body).toContain('<html lang="de"');
    expect(body).toContain("Ungültige Anfrage");
  });
});

describe("/lang and the remembered language", () => {
  it("sets the cookie and goes back to the page in that language, privately", () => {
    const answer = languageSwitch("?set=de&return=%2Fincidents%2F5%3Ftz%3DEurope%2FBerlin");
    expect(answer?.status).toBe(303);
    expect(answer?.headers?.Location).toBe("/incidents/5?tz=Europe%2FBerlin&lang=de");
    expect(answer?.headers?.["Set-Cookie"]).toMatch(/^beacon-lang=de; Path=\/; Max-Age=31536000; SameSite=Lax/);
    expect(answer?.headers?.["Cache-Control"]).toBe("private, no-store");
  });

  it("never sends a reader to another site", () => {
    for (const target of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      const location = languageSwitch(`?set=fr&return=${encodeURIComponent(target)}`)?.headers?.Location;
      expect(location?.startsWith("/")).toBe(true);
      expect(location).not.toMatch(/^\/\/|evil/);
    }
  });

  it("refuses an unknown language", () => {
    expect(languageSwitch("?set=xx&return=/")).toBeNull();
  });

  it("redirects a bare address to the remembered language, varying by cookie on that redirect only", () => {
    const answer = rememberedLanguageRedirect("/history", "?page=2", "theme=dark; beacon-lang=ja");
    expect(answer?.status).toBe(303);
    expect(answer?.headers).toMatchObject({ Location: "/history?page=2&lang=ja", Vary: "Cookie", "Cache-Control": "private, no-store" });
    expect(rememberedLanguageRedirect("/history", "", "beacon-lang=xx")).toBeNull();
    expect(rememberedLanguageRedirect("/history", "", undefined)).toBeNull();
  });
});
