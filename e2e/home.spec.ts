import { expect, test } from "@playwright/test";

test("the home page shows each system and sub-component with its current state", async ({ page }) => {
  await page.goto("/");
  const production = page.locator('[data-system="production"]');
  const development = page.locator('[data-system="development"]');
  await expect(production.getByRole("heading", { name: "Production" })).toBeVisible();
  await expect(development.getByRole("heading", { name: "Development" })).toBeVisible();
  // The demo's open incident has the Platform API degraded, so Production rolls up to yellow.
  await expect(production.locator("[data-state]").first()).toHaveText("Degraded");
  await expect(production.locator('[data-component="platform-api"]')).toContainText("Degraded");
  await expect(production.locator('[data-component="git-push"]')).toContainText("Operational");
  await expect(development.locator("[data-state]").first()).toHaveText("Operational");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partial disruption");
  await expect(page.getByText("Elevated error rates on the Platform API")).toBeVisible();
});

test("the home page is complete without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Production" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Development" })).toBeVisible();
  await context.close();
});
