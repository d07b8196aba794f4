// A commander's whole incident, as customers see it: open with Production red, update, resolve.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const TITLE = `Elevated errors on Production (e2e ${Date.now()})`;
let incidentPath = "";

/** A fresh copy of the home page: the browser may reuse one fetched seconds ago (max-age=10). */
const visitHome = (page: Page) => page.goto(`/?fresh=${Date.now()}`);

const productionPill = (page: Page) => page.locator('[data-system="production"] [data-state]').first();

async function previewThenPublish(page: Page, button: RegExp) {
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-preview]")).toBeVisible();
  await page.getByRole("button", { name: button }).click();
}

test("opens an incident with Production red; the diff is confirmed and the public page follows", async ({ page }) => {
  await signIn(page, "commander");
  await page.getByRole("link", { name: "New incident" }).first().click();
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("checkbox", { name: "Production" }).check();
  await page.getByLabel("Message (Markdown)").fill("We are investigating **elevated error rates** on apps.");
  await page.getByLabel(/^Production \(now/).selectOption("red");
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.locator("[data-preview]");
  await expect(preview.locator("strong", { hasText: "elevated error rates" })).toBeVisible();
  await expect(preview.locator('[data-change="Production"]')).toHaveText(/Production: (Operational|Degraded) → Outage/);
  await expect(preview.locator('[data-change="Development"]')).toHaveText("Development: unchanged");
  await expect(preview).toContainText("A new incident and its first post on the public page, the RSS/Atom feeds and the APIs");
  await page.getByRole("button", { name: "Publish incident" }).click();

  await expect(page.locator("[data-notice]")).toHaveText("Published.");
  incidentPath = new URL(page.url()).pathname;
  await visitHome(page);
  await expect(productionPill(page)).toHaveAttribute("data-state", "red", { timeout: 1_000 });
  await expect(page.getByText(TITLE)).toBeVisible();
});

test("warns on the dashboard when the incident has had no update for 30 minutes (injected clock)", async ({ page }) => {
  await signIn(page, "commander");
  const row = page.locator("[data-incident]", { hasText: TITLE });
  await expect(row).toContainText("Last update less than a minute ago");
  await expect(row.locator("[data-stale]")).toHaveCount(0);
  await page.setExtraHTTPHeaders({ "x-beacon-test-now": new Date(Date.now() + 47 * 60_000).toISOString() });
  await page.reload();
  await expect(row.locator("[data-stale]")).toContainText("Last update 47 min ago — no public update for over 30 minutes");
});

test("posts an Update, then the resolve-while-red guardrail needs an explicit tick", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(incidentPath);
  await page.getByLabel("Message (Markdown)").fill("A fix is being deployed.");
  await page.getByLabel(/^Production \(now/).selectOption("yellow");
  await previewThenPublish(page, /Publish post/);
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
  await visitHome(page);
  await expect(productionPill(page)).toHaveAttribute("data-state", /yellow|red/);

  await page.goto(incidentPath);
  await page.getByLabel("Post type").selectOption("resolved");
  await page.getByLabel("Message (Markdown)").fill("This incident has been resolved.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator('[data-warning="resolve-while-degraded"]')).toContainText("Production (degraded) is still not green in this incident");
  await page.getByRole("button", { name: "Publish post" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText("Tick the box to confirm you have read the warnings, then publish.");
  await page.getByLabel("I have read the warnings above and want to publish anyway.").check();
  await page.getByRole("button", { name: "Publish post" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
  // The post's own line ("Resolved Dec 1, 2026 16:49"); the timeline also carries the system event "Resolved published by …".
  await expect(page.getByText(/^Resolved [A-Z][a-z]{2} \d/)).toBeVisible();

  await visitHome(page);
  await expect(page.locator('section[aria-labelledby="open-incidents"]', { hasText: TITLE })).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="recently-resolved"]')).toContainText(TITLE);
  await page.goto(incidentPath.replace("/admin", ""));
  await expect(page.locator('[data-component-durations="production"]')).toContainText(/red .*yellow/);
});

test("an edit keeps the earlier text as a revision, and the public page says edited", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(incidentPath);
  const first = page.locator("[data-post]").last();
  await first.getByText("Edit text").click();
  await first.getByLabel(/Corrected text/).fill("We are investigating elevated error rates on apps in the US region.");
  await first.getByRole("button", { name: "Save edit" }).click();
  await expect(page.locator("[data-notice]")).toContainText("Edit saved");
  const edited = page.locator("[data-post]").last();
  await edited.getByText("Earlier versions (1)").click();
  await expect(edited.locator("[data-revisions]")).toContainText("We are investigating elevated error rates on apps.");
  await page.goto(incidentPath.replace("/admin", ""));
  await expect(page.getByText("(edited)")).toBeVisible();
});

test("a double-submitted publish creates one post", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto("/admin/incidents/new");
  const title = `Double submit ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("checkbox", { name: "Development" }).check();
  await page.getByLabel("Message (Markdown)").fill("Checking builds.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-preview]")).toBeVisible();
  // Two submits of the same confirmed form, as a double click on a slow connection would send.
  await page.evaluate(() => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Publish incident")!;
    button.form!.requestSubmit(button);
    button.form!.requestSubmit(button);
  });
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
  await page.goto("/admin");
  await expect(page.locator("[data-incident]", { hasText: title })).toHaveCount(1);
});
