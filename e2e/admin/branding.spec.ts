// "Your page": an admin brands the public page on /admin/settings. A colour without enough contrast
// is refused with its ratio; a logo shows on `/`; an SVG with a script is neutralised (no dialog);
// link previews carry the name; the settings page is axe-clean. The defaults are restored at the
// end, so later specs see the page as it always was.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support/admin";
import { png } from "../../tests/support/images";

const NAME = "E2E Example status";

// Several uploads and page loads per test, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 60 20" onload="alert('onload')"><script>alert('script')</script><a xlink:href="javascript:alert('link')"><text x="0" y="15">click</text></a><foreignObject width="60" height="20"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="alert('img')"/></foreignObject><rect width="60" height="20" fill="#1d4ed8"/></svg>`;

async function saveTexts(page: Page, texts: { name: string; accent: string; supportUrl: string; footer: string }) {
  await page.getByLabel("Page name").fill(texts.name);
  await page.getByLabel("Accent colour").fill(texts.accent);
  await page.getByLabel("Support link").fill(texts.supportUrl);
  await page.getByLabel("Footer text").fill(texts.footer);
  await page.getByRole("button", { name: "Save your page" }).click();
}

async function upload(page: Page, kind: "logo" | "favicon", name: string, mimeType: string, buffer: Buffer) {
  const form = page.locator(`form[data-brand-image="${kind}"]`);
  await form.getByLabel(kind === "logo" ? "Logo" : "Favicon", { exact: true }).setInputFiles({ name, mimeType, buffer });
  await form.getByRole("button", { name: `Upload ${kind}` }).click();
  return form;
}

test.afterAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await browser.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  for (const kind of ["logo", "favicon"] as const) {
    const remove = page.locator(`form[data-brand-image="${kind}"]`).getByRole("button", { name: `Remove ${kind}` });
    if (await remove.count()) {
      await remove.click();
      await expect(page.locator(`form[data-brand-image="${kind}"] [data-form-message]`)).toBeVisible();
    }
  }
  await saveTexts(page, { name: "", accent: "", supportUrl: "", footer: "" });
  await expect(page.locator("[data-form-message]").first()).toBeVisible();
  await page.goto("/");
  await expect(page.locator("header").getByRole("link").first()).toHaveText("Beacon status");
  await page.close();
});

test("an admin brands the page: contrast refusal with its ratio, logo on /, link previews", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Your page" })).toBeVisible();

  await saveTexts(page, { name: NAME, accent: "#facc15", supportUrl: "https://help.example.com/", footer: "Example Ltd · e2e" });
  await expect(page.getByLabel("Accent colour")).toHaveAccessibleDescription(/is 1\.\d\d:1; WCAG AA needs at least 4\.5:1/);

  await saveTexts(page, { name: NAME, accent: "#1d4ed8", supportUrl: "https://help.example.com/", footer: "Example Ltd · e2e" });
  await expect(page.locator("[data-form-message]").first()).toHaveText("Saved.");

  const form = await upload(page, "logo", "logo.png", "image/png", png(96, 32));
  await expect(form.locator("[data-form-message]")).toHaveText("The logo is saved.");
  await expect(form.getByRole("img", { name: "Current logo" })).toBeVisible();

  await page.goto("/");
  const home = page.locator("header");
  await expect(home.getByRole("link", { name: NAME })).toBeVisible();
  const logo = home.locator('img[src^="/brand/logo?v="]');
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(96);
  await expect(page.getByRole("link", { name: "Support" })).toHaveAttribute("href", "https://help.example.com/");
  await expect(page.locator("footer")).toContainText("Example Ltd · e2e");
  await expect(page).toHaveTitle(new RegExp(` · ${NAME}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    new RegExp(`^(All systems operational|Partial disruption|Major outage|Under maintenance) — ${NAME}$`),
  );
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", NAME);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/127\.0\.0\.1:\d+\/brand\/logo\?v=/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /\S/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
});

test("an SVG with a script is neutralised: no dialog on the settings page, on / or opened directly", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  const form = await upload(page, "logo", "hostile.svg", "image/svg+xml", Buffer.from(HOSTILE_SVG));
  await expect(form.locator("[data-form-message]")).toHaveText("The logo is saved.");

  await page.goto("/");
  await expect(page.locator('header img[src^="/brand/logo?v="]')).toBeVisible();
  const direct = await page.goto("/brand/logo");
  expect(direct?.headers()["content-type"]).toBe("image/svg+xml");
  expect(direct?.headers()["content-security-policy"]).toMatch(/default-src 'none'/);
  const served = await direct!.text();
  expect(served).not.toMatch(/script|onload|onerror|javascript|foreignObject/i);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test("the settings page has no accessibility violations", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/settings");
  await saveTexts(page, { name: NAME, accent: "#ffff00", supportUrl: "", footer: "" });
  await expect(page.getByLabel("Accent colour")).toHaveAccessibleDescription(/WCAG AA/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
});
