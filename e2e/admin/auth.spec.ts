import { expect, test, type Page } from "@playwright/test";
import { emailOf, PASSWORD, signIn } from "../support/admin";

test("an anonymous visitor is sent to the sign-in page, and back to the page they asked for", async ({ page }) => {
  await page.goto("/admin/incidents/new");
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fincidents%2Fnew$/);
  await expect(page.getByRole("heading", { name: "Sign in to Beacon" })).toBeVisible();
  await page.getByLabel("Email").fill(emailOf("commander"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/incidents\/new$/);
});

test("a sign-in link pointing elsewhere lands on the dashboard, not another site", async ({ page }) => {
  await page.goto("/admin/login?next=%2F%2Fevil.example%2Fadmin");
  await page.getByLabel("Email").fill(emailOf("commander"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("a wrong password is refused in plain words, the right one signs in and out", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(emailOf("commander"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("[data-form-message]")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(emailOf("commander"));

  await signIn(page, "commander");
  await expect(page.getByText(`${emailOf("commander")} (commander)`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("a viewer reads the dashboard but gets 403 for commander and admin pages", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New incident" })).toHaveCount(0);
  for (const path of ["/admin/incidents/new", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
});

/** Submits the sign-in form and waits until React has applied the answer (it then clears the password). */
async function submitSignIn(page: Page, password: string) {
  const field = page.getByLabel("Password");
  await field.fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(field).toHaveValue("");
}

test("five failed sign-ins lock the account for other browsers with a clear message, even for the right password, but not for the commander's own browser", async ({
  page,
  browser,
}) => {
  // The commander's usual browser: signed in before, so it holds the known-device cookie.
  const commander = await (await browser.newContext()).newPage();
  await signIn(commander, "throttled");
  const device = (await commander.context().cookies()).find((cookie) => cookie.name === "beacon_device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await commander.getByRole("button", { name: "Sign out" }).click();
  await expect(commander).toHaveURL(/\/admin\/login$/);

  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(emailOf("throttled"));
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, `wrong ${attempt}`);
    await expect(page.locator("[data-form-message]")).toContainText("do not match");
    if (attempt < 5) await expect(page.locator("[data-form-message]")).not.toContainText("try again");
  }
  await expect(page.locator("[data-form-message]")).toContainText("Too many failed attempts: try again in 30 seconds.");
  await submitSignIn(page, PASSWORD);
  await expect(page.locator("[data-form-message]")).toContainText(/Too many failed sign-in attempts\. Try again in \d+ seconds\./);
  await expect(page).toHaveURL(/\/admin\/login$/);

  // From the same address, the browser that signed in before still gets in with the right password.
  await signIn(commander, "throttled");
  await expect(commander.getByText(`${emailOf("throttled")} (commander)`)).toBeVisible();
  await commander.context().close();
});

test("a forged X-Forwarded-For is not believed: the audit log records the connection's address", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.66" } });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByText("127.0.0.1").first()).toBeVisible();
  await expect(page.getByText("198.51.100.66")).toHaveCount(0);
  await context.close();
});
