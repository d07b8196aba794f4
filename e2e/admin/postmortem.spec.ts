// A commander writes the 2012 outage's postmortem: drafted from the template (impact from the
// timeline), reviewed, published through the preview, then found on the public page (axe-clean,
// internal notes absent) and in the Atom feed as an entry of its own.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const SUMMARY = `A power event at our infrastructure provider took most of the platform offline (e2e ${Date.now()}).`;
const INTERNAL = "E2E-internal: PagerDuty crushed, no alerts came through";

test("a commander drafts, reviews and publishes a postmortem; customers find it on its page and in the Atom feed", async ({ page, request }) => {
  await signIn(page, "commander");
  await page.goto("/admin/incidents/386");
  await page.locator("[data-postmortem-link]").click();
  await page.getByRole("button", { name: "Draft the postmortem from the template" }).click();

  await expect(page.getByLabel("Impact", { exact: true })).toHaveValue(/- Production: Outage 5h · Degraded 8h/);
  await expect(page.getByRole("checkbox", { name: /Investigating: Our automated systems have detected/ })).toBeChecked();
  await page.getByLabel("Summary", { exact: true }).fill(SUMMARY);
  await page.getByLabel("Contributing factors", { exact: true }).fill("Capacity lived in one region, and recovery needed the provider's API.");
  await page.getByLabel("Internal notes (never published)", { exact: true }).fill(INTERNAL);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("[data-form-message]")).toContainText("Draft saved");

  await page.getByRole("button", { name: "Send to review" }).click();
  await expect(page.locator("[data-postmortem-state]")).toHaveText("In review");

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.locator("[data-preview]");
  await expect(preview).toContainText(SUMMARY);
  await expect(preview).not.toContainText(INTERNAL);
  await expect(preview.locator("[data-where]")).toContainText("/incidents/386/postmortem");
  await page.getByRole("button", { name: "Publish postmortem" }).click();
  await expect(page.locator("[data-notice]")).toContainText("Published.");

  await page.goto(`/incidents/386?fresh=${Date.now()}`);
  await page.getByRole("link", { name: "Read the postmortem" }).click();
  await expect(page).toHaveURL(/\/incidents\/386\/postmortem$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Widespread Application Outage");
  await expect(page.locator("[data-postmortem]")).toContainText(SUMMARY);
  await expect(page.locator("body")).not.toContainText(INTERNAL);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations).toEqual([]);

  const atom = await (await request.get(`/history.atom?fresh=${Date.now()}`)).text();
  const entry = atom.split("<entry>").find((candidate) => candidate.includes("/incidents/386/postmortem</id>"));
  expect(entry).toContain("Postmortem: Widespread Application Outage");
  expect(entry).toContain(SUMMARY);
  expect(atom).not.toContain(INTERNAL);
});

test("a viewer reads the postmortem and the action items across incidents but gets no form", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "Action items" }).click();
  const item = page.locator("tr[data-action-item]", { hasText: "Merge config and deploy into one step" });
  await expect(item).toContainText("Done 2020-09-22");
  await expect(item).not.toHaveAttribute("data-overdue");
  await expect(page.getByRole("button", { name: /Mark done|Reopen/ })).toHaveCount(0);
  await item.getByRole("link", { name: "#2105" }).click();
  await expect(page.locator("[data-postmortem-state]")).toHaveText("Published");
  await expect(page.getByText("why the system allowed a deploy while its configuration was not synchronized")).toBeVisible();
  await expect(page.getByRole("button", { name: /Save draft|Send to review|Preview|Publish postmortem|Add action item/ })).toHaveCount(0);
});
