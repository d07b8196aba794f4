// A commander saves a template and starts an incident from it: the form is prefilled (no JS needed
// for the prefill) and the placeholder guardrail stops a publish with {component} left in.
import { expect, test } from "@playwright/test";
import { signIn } from "../support/admin";

const NAME = `Elevated errors (e2e ${Date.now()})`;

test("a template prefills the new-incident form and its placeholder is caught", async ({ page }) => {
  await signIn(page, "commander");
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByLabel("Template name").fill(NAME);
  await page.getByLabel("Incident title").fill("Elevated errors on {component}");
  await page.getByLabel("First post type").selectOption("investigating");
  await page.getByLabel("Message (Markdown)").fill("We are investigating elevated errors on {component}.");
  await page.getByLabel("Git push state").selectOption("yellow");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Template saved.");

  await page.getByRole("link", { name: "Start an incident from it" }).click();
  await expect(page.locator("[data-template-used]")).toContainText(NAME);
  await expect(page.getByLabel("Title")).toHaveValue("Elevated errors on {component}");
  await expect(page.getByLabel("Message (Markdown)")).toHaveValue("We are investigating elevated errors on {component}.");
  await expect(page.getByRole("checkbox", { name: "Git push" })).toBeChecked();
  await expect(page.getByLabel(/^Git push \(now/)).toHaveValue("yellow");

  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator('[data-warning="placeholder"]')).toContainText("still contains the template placeholder {component}");
  await page.getByRole("button", { name: "Publish incident" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText("Tick the box to confirm you have read the warnings, then publish.");
});

test("a signed-out visit to a template link returns there after sign-in", async ({ page }) => {
  await page.goto("/admin/templates");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Ftemplates$/);
  await page.getByLabel("Email").fill("commander@example.com");
  await page.getByLabel("Password").fill("e2e-password-not-secret");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/templates$/);
  await expect(page.getByRole("heading", { name: "Incident templates" })).toBeVisible();
});
