// A commander schedules maintenance; customers see it as upcoming at once; cancelling removes it.
import { expect, test } from "@playwright/test";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const TITLE = `Scheduled Dashboard maintenance (e2e ${Date.now()})`;
/** A datetime-local value (UTC) `days` from now, on the hour. */
const utcInput = (days: number, hours = 0) => new Date(Math.ceil((Date.now() + days * 86_400_000) / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString().slice(0, 16);
let adminPath = "";

test("schedules a maintenance and customers see it as upcoming", async ({ page }) => {
  await signIn(page, "commander");
  await page.getByRole("link", { name: "Schedule maintenance" }).click();
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText("Please correct the fields marked below.");
  await expect(page.getByText("Choose at least one component under maintenance.")).toBeVisible();

  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("checkbox", { name: "Dashboard", exact: true }).check();
  await page.getByLabel("Window starts (UTC)").fill(utcInput(2));
  await page.getByLabel("Window ends (UTC)").fill(utcInput(2, 2));
  await page.getByLabel("Message (Markdown)").fill("We are upgrading the **Dashboard**. It may be slow for a few minutes.");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();

  await expect(page.locator("[data-notice]")).toHaveText("Maintenance scheduled. Customers see it as upcoming.");
  await expect(page.locator("[data-maintenance-status]")).toContainText("Upcoming");
  adminPath = new URL(page.url()).pathname;

  await page.goto(`/?fresh=${Date.now()}`);
  const section = page.locator('section[aria-labelledby="maintenance"]');
  await expect(section).toContainText(TITLE);
  await expect(section.locator("strong", { hasText: "Dashboard" }).first()).toBeVisible();
  // Upcoming, not yet in effect: the Dashboard is not blue.
  await expect(page.locator('[data-component="dashboard"] [data-state]').first()).not.toHaveAttribute("data-state", "blue");

  await page.goto("/admin");
  await expect(page.locator("[data-maintenance]", { hasText: TITLE })).toHaveAttribute("data-maintenance-status", "upcoming");
});

test("cancelling the maintenance publishes the notice and removes it from the upcoming list", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(adminPath);
  await page.getByText("Cancel maintenance").first().click();
  await page.getByRole("button", { name: "Cancel maintenance" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Maintenance cancelled.");
  await expect(page.locator("[data-maintenance-status]")).toContainText("Completed");
  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.locator('section[aria-labelledby="maintenance"]', { hasText: TITLE })).toHaveCount(0);
  await page.goto(adminPath.replace("/admin", ""));
  await expect(page.getByText("This maintenance has been cancelled and will not take place.")).toBeVisible();
});
