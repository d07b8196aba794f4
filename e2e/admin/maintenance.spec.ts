// A commander schedules maintenance in two steps — preview (as customers will see it, and the diff),
// then confirm — and customers see it as upcoming at once on / and in /maintenance.ics; extending
// and cancelling take the same two steps.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const TITLE = `Scheduled Dashboard maintenance (e2e ${Date.now()})`;
/**
 * A datetime-local value (UTC): 10:00 on the day `days` after today, plus `hours`. Fixed hours, so
 * the windows never cross midnight (the preview then writes the end's date too) and every call
 * gives the same value, whatever time the suite runs.
 */
const utcInput = (days: number, hours = 0) => {
  const day = new Date();
  day.setUTCHours(10 + hours, 0, 0, 0);
  return new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 16);
};
/** The same instant as iCalendar writes it: 20261125T100000Z. */
const icalTime = (input: string) => `${input.replace(/[-:]/g, "")}00Z`;
let adminPath = "";

const calendar = async (page: Page) => (await page.request.get("/maintenance.ics")).text();

test("schedules a maintenance after previewing the diff; customers see it as upcoming on / and in the calendar", async ({ page }) => {
  await signIn(page, "commander");
  await page.getByRole("link", { name: "Schedule maintenance" }).click();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText("Please correct the fields marked below.");
  await expect(page.getByText("Choose at least one component under maintenance.")).toBeVisible();

  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("checkbox", { name: "Dashboard", exact: true }).check();
  await page.getByLabel("Window starts (UTC)").fill(utcInput(2));
  await page.getByLabel("Window ends (UTC)").fill(utcInput(2, 2));
  await page.getByLabel("Message (Markdown)").fill("We are upgrading the **Dashboard**. It may be slow for a few minutes.");
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.locator("[data-preview]");
  await expect(preview).toContainText(TITLE);
  await expect(preview.locator("[data-timeline] strong", { hasText: "Dashboard" })).toBeVisible();
  await expect(preview.locator("[data-preview-window]")).toContainText("Window:");
  await expect(preview.locator('[data-change="Dashboard"]')).toHaveText(
    /^Dashboard: Operational → Under maintenance from \w+ \d+, \d{4} \d\d:\d\d UTC to \d\d:\d\d UTC$/,
  );
  // The Dashboard belongs to Development; Production is untouched.
  await expect(preview.locator('[data-change="Development"]')).toHaveText(/^Development: Operational → Under maintenance from /);
  await expect(preview.locator('[data-change="Production"]')).toHaveText("Production: unchanged");
  await expect(preview).toContainText("A new event in the maintenance calendar /maintenance.ics");
  // Nothing is published by a preview.
  expect(await calendar(page)).not.toContain(TITLE);

  // Changing the text after the preview: the confirm is refused and the new preview shown instead.
  await page.getByLabel("Message (Markdown)").fill("We are upgrading the **Dashboard**. It may be slow for up to ten minutes.");
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText(/has changed since your preview/);
  await expect(preview).toContainText("up to ten minutes");
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
  const ics = await calendar(page);
  expect(ics).toContain(`SUMMARY:${TITLE}`);
  expect(ics).toContain(`DTSTART:${icalTime(utcInput(2))}`);

  await page.goto("/admin");
  await expect(page.locator("[data-maintenance]", { hasText: TITLE })).toHaveAttribute("data-maintenance-status", "upcoming");
});

test("extending shows the added blue time before it is published; the calendar follows", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(adminPath);
  const extend = page.locator('[data-maintenance-action="extend"]');
  await extend.getByText("Extend the window").click();
  await extend.getByLabel("New end (UTC)").fill(utcInput(2, 3));
  await extend.getByRole("button", { name: "Preview" }).click();
  await expect(extend.locator('[data-change="Dashboard"]')).toHaveText(/Operational → Under maintenance from .* to /);
  await expect(extend.locator("[data-preview]")).toContainText("The maintenance window has been extended until");
  await extend.getByRole("button", { name: "Extend maintenance" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Maintenance extended; customers see the new end.");
  expect(await calendar(page)).toContain(`DTEND:${icalTime(utcInput(2, 3))}`);
});

test("cancelling is previewed, then publishes the notice and removes it from the upcoming list and the calendar", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(adminPath);
  const close = page.locator('[data-maintenance-action="close"]');
  await close.getByText("Cancel maintenance").first().click();
  await close.getByRole("button", { name: "Preview" }).click();
  await expect(close.locator('[data-change="Dashboard"]')).toHaveText(/Under maintenance → Operational from /);
  await expect(close.locator("[data-preview]")).toContainText("leaves the upcoming list and the maintenance calendar /maintenance.ics");
  await close.getByRole("button", { name: "Cancel maintenance" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Maintenance cancelled.");
  await expect(page.locator("[data-maintenance-status]")).toContainText("Completed");
  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.locator('section[aria-labelledby="maintenance"]', { hasText: TITLE })).toHaveCount(0);
  expect(await calendar(page)).not.toContain(TITLE);
  await page.goto(adminPath.replace("/admin", ""));
  await expect(page.getByText("This maintenance has been cancelled and will not take place.")).toBeVisible();
});
