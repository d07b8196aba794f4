// Mail subscribers end to end (issue 14), over the real SMTP server the e2e server runs (e2e/support/mail.ts): visitors
// subscribe on the public page and confirm through the link mailed to them; a commander publishes in the admin and the
// subscribers of the affected component (or its system) get the mail — subject, post text in both parts, components and
// states, incident link, one thread per incident — while a subscriber of another component gets nothing; a one-click
// unsubscribe POST as a mail client sends it (RFC 8058) stops the next mail. The delivery log in /admin/subscribers shows
// what was sent. The incident is resolved and the subscribers removed afterwards, so later specs see a calm page.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "../support/admin";
import { linkIn, mailsTo, type ReceivedMail, rawHeader, waitForMail } from "../support/mail";

test.describe.configure({ mode: "serial", timeout: 90_000 });

const RUN = Date.now();
const TITLE = `Failed git pushes (mail e2e ${RUN})`;
const PAGE_NAME = "Beacon status";
/** Chose Git push: gets the incident, then unsubscribes with one click. */
const GIT_PUSH_READER = `git-push-${RUN}@example.com`;
/** Chose the whole Production system, which includes Git push: gets every mail of the incident. */
const PRODUCTION_READER = `production-${RUN}@example.com`;
/** Chose Review apps (Development): hears nothing about a Git push incident. */
const REVIEW_APPS_READER = `review-apps-${RUN}@example.com`;

const subject = (label: string) => `[${label}] ${TITLE} — ${PAGE_NAME}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let incidentNumber = 0;
let opening: ReceivedMail;

async function subscribeAndConfirm(page: Page, address: string, component: string) {
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Only the components chosen below").check();
  await page.getByRole("checkbox", { name: component, exact: true }).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Check your mail" })).toBeVisible();

  const confirmation = await waitForMail(address, /^Confirm your subscription/);
  await page.goto(linkIn(confirmation, "/subscribe/confirm"));
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
  await expect(page.getByText(`Status updates will be sent to ${address}.`)).toBeVisible();
}

/** Fills the admin publish form for Git push, previews and publishes it (resolving a degraded Git push asks for a tick). */
async function publish(page: Page, post: { type?: string; body: string; gitPush: "green" | "yellow" | "red" }, button: "Publish incident" | "Publish post") {
  if (post.type) await page.getByLabel("Post type").selectOption(post.type);
  await page.getByLabel("Message (Markdown)").fill(post.body);
  await page.getByLabel(/^Git push \(now/).selectOption(post.gitPush);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-preview]")).toBeVisible();
  if (post.type === "resolved") await page.getByLabel("I have read the warnings above and want to publish anyway.").check();
  await page.getByRole("button", { name: button }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
}

test("visitors subscribe on the public page and confirm through the link mailed to them", async ({ page }) => {
  await subscribeAndConfirm(page, GIT_PUSH_READER, "Git push");
  await subscribeAndConfirm(page, PRODUCTION_READER, "Production");
  await subscribeAndConfirm(page, REVIEW_APPS_READER, "Review apps");
});

test("a commander opens an incident on Git push: its subscribers get the mail with text, components, link and a thread root", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("checkbox", { name: "Git push", exact: true }).check();
  await publish(page, { body: "Pushes fail with **error 503** for some apps.", gitPush: "red" }, "Publish incident");
  incidentNumber = Number(new URL(page.url()).pathname.match(/\/admin\/incidents\/(\d+)/)![1]);
  const incidentUrl = `${new URL(page.url()).origin}/incidents/${incidentNumber}`;

  opening = await waitForMail(GIT_PUSH_READER, subject("Investigating"));
  const { parsed } = opening;
  expect(parsed.from?.value).toEqual([{ address: "status@beacon.test", name: "Beacon e2e" }]);
  expect(parsed.text).toContain("Pushes fail with **error 503** for some apps.");
  expect(parsed.html).toContain("<strong>error 503</strong>");
  expect(parsed.text).toContain("- Git push: Outage");
  expect(parsed.html).toContain("<li>Git push: Outage</li>");
  expect(parsed.text).toContain(`Follow this incident: ${incidentUrl}`);
  expect(parsed.html).toContain(`href="${incidentUrl}"`);
  // The incident's opening mail is its thread's root: every later mail of it replies to this id.
  expect(parsed.messageId).toMatch(new RegExp(`^<beacon\\.incident-${incidentNumber}\\.subscriber-\\d+@127\\.0\\.0\\.1>$`));
  expect(parsed.inReplyTo).toBeUndefined();
  expect(rawHeader(opening, "List-Unsubscribe")).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[^>\s]+>$/);
  expect(rawHeader(opening, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

  const system = await waitForMail(PRODUCTION_READER, subject("Investigating"));
  expect(system.parsed.text).toContain("- Git push: Outage");
  expect(system.parsed.messageId).not.toBe(parsed.messageId);
});

test("the next post's mail lands in the same conversation (In-Reply-To and References name the thread root)", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(`/admin/incidents/${incidentNumber}`);
  await publish(page, { type: "update", body: "A fix is rolling out.", gitPush: "yellow" }, "Publish post");

  const update = await waitForMail(GIT_PUSH_READER, subject("Update"));
  expect(update.parsed.text).toContain("A fix is rolling out.");
  expect(update.parsed.text).toContain("- Git push: Degraded");
  expect(update.parsed.messageId).toMatch(new RegExp(`^<beacon\\.incident-${incidentNumber}\\.mail-\\d+\\.subscriber-\\d+@127\\.0\\.0\\.1>$`));
  expect(update.parsed.messageId).not.toBe(opening.parsed.messageId);
  expect(update.parsed.inReplyTo).toBe(opening.parsed.messageId);
  expect([update.parsed.references].flat()).toContain(opening.parsed.messageId);
});

test("a one-click unsubscribe POST as a mail client sends it stops the mail; the next publish reaches only the others", async ({ browser, page, request }) => {
  // RFC 8058 §3.1: the mail client POSTs to the List-Unsubscribe URL, with no cookie, the body List-Unsubscribe=One-Click.
  const unsubscribe = rawHeader(opening, "List-Unsubscribe")!.slice(1, -1);
  const answer = await request.post(unsubscribe, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["cache-control"]).toBe("no-store");
  expect(await answer.text()).toContain("You are unsubscribed");

  // The resolving post is also the cleanup: Git push is green again and the incident closed.
  await signIn(page, "commander");
  await page.goto(`/admin/incidents/${incidentNumber}`);
  await publish(page, { type: "resolved", body: "Pushes work again.", gitPush: "green" }, "Publish post");

  const resolved = await waitForMail(PRODUCTION_READER, subject("Resolved"));
  expect(resolved.parsed.text).toContain("- Git push: Operational");
  expect(resolved.parsed.inReplyTo).toMatch(new RegExp(`^<beacon\\.incident-${incidentNumber}\\.subscriber-\\d+@127\\.0\\.0\\.1>$`));
  // One expansion writes every matching subscriber's delivery at once: with the Production reader's mail sent, a mail
  // to the unsubscribed address would be queued too — the delivery log has none, and the mailbox stays without one.
  const admin = await browser.newPage(); // a context of its own: the commander's session stays in `page`
  await signIn(admin, "admin");
  await admin.goto("/admin/subscribers");
  const resolvedRows = admin.locator("[data-mail-delivery]", { hasText: subject("Resolved") });
  await expect(resolvedRows.filter({ hasText: PRODUCTION_READER })).toHaveCount(1);
  await expect(resolvedRows.filter({ hasText: GIT_PUSH_READER })).toHaveCount(0);
  await admin.close();
  expect(await mailsTo(GIT_PUSH_READER, subject("Resolved"))).toEqual([]);
  expect(await mailsTo(GIT_PUSH_READER, new RegExp(escapeRegExp(TITLE)))).toHaveLength(2);
});

test("a subscriber of an unrelated component received nothing about the incident", async () => {
  expect(await mailsTo(REVIEW_APPS_READER, new RegExp(escapeRegExp(TITLE)))).toEqual([]);
  expect(await mailsTo(REVIEW_APPS_READER, /./)).toHaveLength(1); // its confirmation only
});

test("/admin/subscribers shows the sent mails in its delivery log and is axe-clean; the test's subscribers are removed", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/subscribers");
  const log = page.locator('section[aria-labelledby="mail-log"]');
  for (const [address, label] of [
    [GIT_PUSH_READER, "Investigating"],
    [GIT_PUSH_READER, "Update"],
    [PRODUCTION_READER, "Investigating"],
    [PRODUCTION_READER, "Update"],
    [PRODUCTION_READER, "Resolved"],
  ] as const) {
    const row = log.locator('[data-mail-delivery="sent"]', { hasText: subject(label!) }).filter({ hasText: address });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/sent [A-Z][a-z]{2} \d{1,2}, \d{4} \d{2}:\d{2} UTC/);
  }
  await expect(page.locator(`[data-subscriber="${GIT_PUSH_READER}"]`)).toContainText("unsubscribed");
  // Each subscriber's language: the page they subscribed from (these from the English one).
  await expect(page.locator(`[data-subscriber="${PRODUCTION_READER}"] [data-locale]`)).toHaveText("English");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations).toEqual([]);

  for (const address of [GIT_PUSH_READER, PRODUCTION_READER, REVIEW_APPS_READER]) {
    await page.getByRole("link", { name: `Remove ${address}` }).click();
    await page.getByRole("button", { name: `Yes, remove ${address}` }).click();
    await expect(page.locator(`[data-subscriber="${address}"]`)).toHaveCount(0);
  }
});
