// Private pages (issue 15): an admin makes the public side private with a shared password; a reader
// without JavaScript is sent to /access, a wrong password is refused, the right one leads back to
// the page asked for; while private nothing is shared-cacheable or indexable, and machine URLs
// answer 401. /access speaks the reader's language and is axe-clean in each; a German reader asks
// for a sign-in link, which the e2e server's SMTP sink receives (e2e/support/mail.ts), in German,
// and signs in with it. The site is made public again afterwards: other specs read the public site.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support/admin";
import { linkIn, waitForMail } from "../support/mail";

const READER_PASSWORD = "e2e-readers-password";
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function saveAccess(page: Page, makePrivate: boolean, password = "", emailDomains?: string): Promise<void> {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  const section = page.locator('section[aria-labelledby="private-page-heading"]');
  const box = section.getByLabel("Only readers with a way in may see the public side");
  if (makePrivate) await box.check();
  else await box.uncheck();
  if (password)
    await section
      .getByLabel(/shared password/i)
      .first()
      .fill(password);
  if (emailDomains !== undefined) await section.getByLabel("Email domains that may ask for a sign-in link").fill(emailDomains);
  await section.getByRole("button", { name: "Save private page" }).click();
  await expect(section.locator("[data-form-message]")).toBeVisible();
  await expect(section.getByTestId("access-state")).toHaveText(makePrivate ? "Now: private." : "Now: public.");
}

test.afterAll(async ({ browser, request }) => {
  const page = await browser.newPage();
  await saveAccess(page, false);
  await page.close();
  const home = await request.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(200);
  expect(home.headers()["cache-control"]).toMatch(/^public/);
});

test("a private page: readers sign in with the shared password without JavaScript, nothing is shared-cacheable", async ({ browser, page, request }) => {
  await saveAccess(page, true, READER_PASSWORD);

  // Machines and anonymous requests are refused, with no copy a shared cache may keep.
  const api = await request.get("/api/v2/summary.json", { maxRedirects: 0, headers: { cookie: "" } });
  expect(api.status()).toBe(401);
  expect(api.headers()["cache-control"]).toBe("private, no-store");
  const home = await request.get("/", { maxRedirects: 0, headers: { cookie: "" } });
  expect(home.status()).toBe(303);
  expect(home.headers().location).toBe("/access");
  expect((await request.get("/robots.txt")).headers()["cache-control"]).toBe("private, no-store");
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /");

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  await readerPage.goto("/history");
  await expect(readerPage).toHaveURL(/\/access\?return=%2Fhistory$/);
  await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(readerPage.getByLabel("Your work email")).toHaveCount(0);

  await readerPage.getByLabel("Password").fill("not the password");
  await readerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(readerPage.getByRole("alert")).toHaveText("That password is not right.");

  await readerPage.getByLabel("Password").fill(READER_PASSWORD);
  await readerPage.getByRole("button", { name: "Sign in" }).click();
  await expect(readerPage).toHaveURL(/\/history$/);
  const answer = await readerPage.goto("/history");
  expect(answer?.status()).toBe(200);
  const headers = answer!.headers();
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const feed = await readerPage.request.get("/history.atom");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["cache-control"]).toBe("private, no-store");
  await reader.close();
});

test("/access is accessible (axe, WCAG 2.1 AA)", async ({ browser, page }) => {
  await saveAccess(page, true);
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto("/access?return=%2F");
  await expect(readerPage.getByLabel("Password")).toBeVisible();
  const results = await new AxeBuilder({ page: readerPage }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  await reader.close();
});

test("/access speaks the reader's language and is axe-clean in each; a German reader signs in by a German mailed link", async ({ browser, page }) => {
  test.slow(); // three axe runs and a mail round trip
  await saveAccess(page, true, "", "beacon.test");
  const reader = await browser.newContext(); // axe runs as a script in the page
  const readerPage = await reader.newPage();
  for (const [lang, heading, password, email] of [
    ["en", "This status page is private", "Password", "Your work email"],
    ["de", "Diese Statusseite ist privat", "Passwort", "Ihre geschäftliche E-Mail-Adresse"],
    ["ja", "このステータスページは非公開です", "パスワード", "仕事用のメールアドレス"],
  ] as const) {
    await readerPage.goto(`/access?return=%2Fhistory&lang=${lang}`);
    await expect(readerPage.locator("html")).toHaveAttribute("lang", lang);
    await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(readerPage.getByLabel(password, { exact: true })).toBeVisible();
    await expect(readerPage.getByLabel(email)).toBeVisible();
    const results = await new AxeBuilder({ page: readerPage }).withTags(AXE_TAGS).analyze();
    expect(results.violations.map((violation) => `${lang} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  }

  // The German page's forms answer in German; the link arrives in a German mail and opens the German sign-in.
  const address = `leser-${Date.now()}@beacon.test`;
  await readerPage.goto("/access?return=%2Fhistory&lang=de");
  await readerPage.getByLabel("Ihre geschäftliche E-Mail-Adresse").fill(address);
  await readerPage.getByRole("button", { name: "Anmeldelink per E-Mail senden" }).click();
  await expect(readerPage.getByText(/ist ein Anmeldelink unterwegs/)).toBeVisible();
  const mail = await waitForMail(address, /^Ihr Anmeldelink für /);
  expect(mail.parsed.text).toContain("Öffnen Sie diesen Link innerhalb von 15 Minuten");
  await readerPage.goto(linkIn(mail, "/access"));
  await expect(readerPage.locator("html")).toHaveAttribute("lang", "de");
  await expect(readerPage.getByRole("heading", { level: 1 })).toHaveText("Bei der Statusseite anmelden");
  await readerPage.getByRole("button", { name: "Anmelden" }).click();
  await expect(readerPage).toHaveURL(/\/history$/);
  expect((await readerPage.request.get("/history", { maxRedirects: 0 })).status()).toBe(200);
  await reader.close();
});
