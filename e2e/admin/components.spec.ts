// An admin renames a component: the public page shows the new name at once, and its history —
// an open incident and the component's own page, linked by id and slug — still holds together.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/admin";

const OLD = "Platform API";
const NEW = "Platform API (v3)";

async function rename(page: Page, from: string, to: string) {
  await page.goto("/admin/components");
  const item = page.locator('[data-admin-component="platform-api"]');
  await item.getByText(`Edit ${from}`).click();
  await item.getByLabel("Name").fill(to);
  await item.getByRole("button", { name: "Save component" }).click();
  await expect(item.locator("[data-form-message]")).toHaveText("Saved.");
}

test.afterAll(async ({ browser }) => {
  // Other admin tests expect the demo's names: put the old name back even if the test failed midway.
  const page = await browser.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/components");
  if ((await page.locator('[data-admin-component="platform-api"] strong').first().textContent()) === NEW) await rename(page, NEW, OLD);
  await page.close();
});

test("a renamed component shows on / with its history still linked", async ({ page }) => {
  await signIn(page, "admin");
  await rename(page, OLD, NEW);
  await expect(page.locator('[data-admin-component="platform-api"] code')).toHaveText("platform-api");

  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.locator('[data-component="platform-api"]')).toContainText(NEW);
  // The demo's open incident names the component by id: it shows the new name.
  const incident = page.locator('section[aria-labelledby="open-incidents"] [data-incident]', { hasText: "Elevated error rates on the Platform API" });
  await incident.getByRole("link").first().click();
  await expect(page.getByText(`Affected: Production, ${NEW}`)).toBeVisible();

  // The slug did not change, so saved links and the component's history keep working.
  const response = await page.goto("/components/platform-api");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW);
  await page
    .getByRole("link", { name: /history/i })
    .first()
    .click();
  await expect(page.locator("[data-incident]").first()).toBeVisible();

  await page.goto("/admin/audit?action=component.update");
  await expect(page.locator('[data-audit-action="component.update"]').first()).toContainText(NEW);
});
