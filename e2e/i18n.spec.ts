// Languages and time zones as a reader meets them: switching language by a link without
// JavaScript (and finding it again on the next visit), picking a time zone with and without
// JavaScript, and every language accessible (axe).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const LANGUAGES = [
  { lang: "en", name: "English", heading: "Incident history", timeZone: "Time zone" },
  { lang: "de", name: "Deutsch", heading: "Störungsverlauf", timeZone: "Zeitzone" },
  { lang: "fr", name: "Français", heading: "Historique des incidents", timeZone: "Fuseau horaire" },
  { lang: "es", name: "Español", heading: "Historial de incidencias", timeZone: "Zona horaria" },
  { lang: "ja", name: "日本語", heading: "障害履歴", timeZone: "タイムゾーン" },
] as const;

test.describe("language", () => {
  test("switches by a footer link without JavaScript, keeps it on every link, and remembers it on the next visit", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/history");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Deutsch" }).click();
    await expect(page).toHaveURL(/\/history\?lang=de$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Störungsverlauf");
    // Internal links keep the language.
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Aktueller Status" }).click();
    await expect(page).toHaveURL(/\/\?lang=de$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Alle Systeme betriebsbereit|Teilweise Störung|Größere Störung|Wartungsarbeiten/);
    // The next visit to a bare address finds the language again (the cookie's private redirect).
    await page.goto("/components/production");
    await expect(page).toHaveURL(/\/components\/production\?lang=de$/);
    await expect(page.getByText("Aktueller Zustand:")).toBeVisible();
    // Switching back to English is remembered too.
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/components\/production\?lang=en$/);
    await page.goto("/history");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident history");
    await context.close();
  });

  test("names every language in the page's head, and an unknown language is refused", async ({ page, request }) => {
    await page.goto("/?lang=fr");
    for (const { lang } of LANGUAGES)
      await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute("href", new RegExp(`\\?lang=${lang}$`));
    expect((await request.get("/?lang=xx")).status()).toBe(400);
  });
});

test.describe("time zone", () => {
  test("without JavaScript, the footer's menu renders times on the server in the zone picked", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/incidents/386");
    const time = page.locator("time[data-local]").first();
    await expect(time).toHaveText(/ UTC$/);
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Show times" }).click();
    await expect(page).toHaveURL(/\/incidents\/386\?tz=Asia%2FTokyo$/);
    await expect(time).toHaveText(/ GMT\+9$/);
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
    await context.close();
  });

  test("with JavaScript, the zone picked is applied in place and kept for the next page", async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "America/New_York" });
    const page = await context.newPage();
    await page.goto("/incidents/386");
    const time = page.locator("time[data-local]").first();
    // The device's zone first, the UTC text kept as the tooltip.
    await expect(time).toHaveText(/EDT|EST/);
    await expect(time).toHaveAttribute("title", / UTC$/);
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Show times" }).click();
    await expect(page).toHaveURL(/\/incidents\/386$/);
    await expect(time).toHaveText(/GMT\+9/);
    await page.goto("/history");
    await expect(page.locator("time[data-local]").first()).toHaveText(/GMT\+9/);
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
    await context.close();
  });
});

test.describe("accessibility in every language (axe, WCAG 2.1 AA)", () => {
  for (const { lang, heading, timeZone } of LANGUAGES) {
    for (const path of ["/", "/history", "/incidents/386"]) {
      test(`${path} in ${lang} has no violations`, async ({ page }) => {
        await page.goto(`${path}?lang=${lang}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByLabel(timeZone)).toBeVisible();
        if (path === "/history") await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  }
});
