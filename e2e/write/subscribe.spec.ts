// The subscription pages as a reader without JavaScript meets them: the /subscribe form answers the
// same for a new and an already pending address (no enumeration); the confirmation mail's link leads
// to the confirm page and on to the manage page, all axe-clean; a reader of the German page gets a
// German confirmation mail and German pages all the way, and ends by unsubscribing from the manage
// page. Mail arrives through the e2e server's SMTP sink (e2e/support/mail.ts).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { linkIn, mailsTo, waitForMail } from "../support/mail";

test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: "serial", timeout: 60_000 });

const RUN = Date.now();
const READER = `subscribe-${RUN}@example.com`;
const GERMAN_READER = `abonnent-${RUN}@example.com`;

/** Axe runs in the page, so it checks the same address in a second browser context that runs scripts. */
async function expectAxeClean(page: Page) {
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const checked = await context.newPage();
  await checked.goto(page.url());
  const axe = await new AxeBuilder({ page: checked }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  await context.close();
  expect(axe.violations).toEqual([]);
}

/** Fills and sends the form as the page shows it; returns the answer's heading and text. */
async function subscribe(page: Page, address: string, labels: { email: string; submit: string }) {
  await page.getByLabel(labels.email).fill(address);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/subscribe\/sent(\?lang=\w+)?$/);
  return { heading: await page.getByRole("heading", { level: 1 }).textContent(), text: await page.locator("main").textContent() };
}

test("the /subscribe form works without JavaScript, is axe-clean and answers alike for a new and a pending address", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Subscribe to updates" }).click();
  await expect(page).toHaveURL(/\/subscribe$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Subscribe to updates");
  await expectAxeClean(page);

  const first = await subscribe(page, READER, { email: "Email address", submit: "Subscribe" });
  expect(first.heading).toBe("Check your mail");
  await expect(page).toHaveURL(/\/subscribe\/sent$/);
  await expectAxeClean(page);

  // Asking again for the same (now pending) address gets the very same answer.
  await page.goto("/subscribe");
  expect(await subscribe(page, READER, { email: "Email address", submit: "Subscribe" })).toEqual(first);
});

test("the confirmation mail leads to the confirm page and on to the manage page, both axe-clean", async ({ page }) => {
  const confirmation = (await mailsTo(READER, /^Confirm your subscription/)).at(-1) ?? (await waitForMail(READER, /^Confirm your subscription/));
  await page.goto(linkIn(confirmation, "/subscribe/confirm"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  await expectAxeClean(page);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");

  await page.getByRole("link", { name: "Manage your subscription" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your subscription");
  await expect(page.getByText(`Mail for ${READER}.`)).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel("Pause all mail for now").check();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByRole("status")).toHaveText("Your choices are saved.");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
});

test("a reader of the German page gets German answers, a German confirmation mail and German pages from its links", async ({ page }) => {
  await page.goto("/?lang=de");
  await page.getByRole("contentinfo").getByRole("link", { name: "Updates abonnieren" }).click();
  await expect(page).toHaveURL(/\/subscribe\?lang=de$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expectAxeClean(page);
  const answer = await subscribe(page, GERMAN_READER, { email: "E-Mail-Adresse", submit: "Abonnieren" });
  expect(answer.heading).toBe("Prüfen Sie Ihr Postfach");
  await expect(page).toHaveURL(/\/subscribe\/sent\?lang=de$/);

  const mail = await waitForMail(GERMAN_READER, "Bestätigen Sie Ihr Abonnement von Beacon status");
  expect(mail.parsed.text).toContain("Jemand (hoffentlich Sie) hat darum gebeten, Updates von Beacon status per E-Mail an diese Adresse zu erhalten.");
  const confirm = linkIn(mail, "/subscribe/confirm");
  expect(new URL(confirm).searchParams.get("lang")).toBe("de");

  await page.goto(confirm);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByText(`Ab jetzt Statusmeldungen an ${GERMAN_READER} senden?`)).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole("button", { name: "Abonnement bestätigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Abonnement ist aktiv");

  await page.getByRole("link", { name: "Abonnement verwalten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Abonnement");
  await expect(page.getByLabel("Sprache der E-Mails")).toHaveValue("de");
  await expectAxeClean(page);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sie sind abgemeldet");
});
