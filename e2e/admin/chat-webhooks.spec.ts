// An admin registers a Discord and a Microsoft Teams webhook in the admin (the form says which URL
// to paste for each and passes axe); a publish reaches the local receivers as each platform's
// documented body, only where the component filter takes the incident; then both are deleted so
// later specs count only their own endpoints.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { CHAT_SCHEMAS } from "../../tests/support/chat-schemas";
import { startReceiver, type Receiver } from "../../tests/support/receiver";
import { e2eApiToken, openIssueByApi } from "../support/api-token";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

let discord: Receiver;
let teams: Receiver;

test.beforeAll(async () => {
  [discord, teams] = await Promise.all([startReceiver(), startReceiver()]);
});
test.afterAll(() => Promise.all([discord.close(), teams.close()]));

async function register(page: Page, name: string, url: string, format: string, component: string, urlHint: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Payload").selectOption({ label: format });
  await expect(page.getByText(urlHint)).toBeVisible();
  await page.getByRole("checkbox", { name: component, exact: true }).check();
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.locator("[data-new-secret]")).toBeVisible();
}

test("the form names each platform and the URL to paste, and passes axe", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/webhooks");
  await page.getByLabel("Payload").selectOption({ label: "Google Chat" });
  await expect(page.getByText("https://chat.googleapis.com/v1/spaces/")).toBeVisible();
  await page.getByLabel("Payload").selectOption({ label: "Discord" });
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations).toEqual([]);
});

test("an admin registers Discord and Teams webhooks; a publish reaches the one whose components it concerns, as Discord's documented body", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/webhooks");
  await register(page, "Ops Discord", discord.url, "Discord", "Development", "https://discord.com/api/webhooks/");
  await page.reload();
  await register(page, "Ops Teams", teams.url, "Microsoft Teams", "Review apps", "Post to a channel when a webhook request is received");
  await page.reload();
  await expect(page.locator('[data-webhook="Ops Discord"]')).toContainText("(Discord)");
  await expect(page.locator('[data-webhook="Ops Discord"]')).toContainText("Components: Development");
  await expect(page.locator('[data-webhook="Ops Teams"]')).toContainText("(Microsoft Teams)");

  const response = await openIssueByApi(request, {
    title: "Dashboard slow @everyone (chat e2e)",
    body: "Pages load slowly. <@123>",
    component: "dashboard",
    state: "yellow",
  });
  await expect.poll(() => discord.received.length, { timeout: 5_000, intervals: [20] }).toBe(1);
  const [delivery] = discord.received;
  expect(delivery!.headers["content-type"]).toBe("application/json");
  const body = JSON.parse(delivery!.body);
  expect(CHAT_SCHEMAS.discord.safeParse(body).error?.issues ?? []).toEqual([]);
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(body.embeds[0].title).toContain("Dashboard slow @\u200beveryone");
  expect(body.embeds[0].fields).toContainEqual(expect.objectContaining({ name: "Dashboard", value: "Degraded (was Operational)" }));
  // Review apps is not part of the incident: the Teams endpoint hears nothing.
  expect(teams.received).toHaveLength(0);

  // Deleted, so later specs count only their own endpoints.
  for (const name of ["Ops Discord", "Ops Teams"]) {
    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name }).click();
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
  }
  await expect(page.locator('[data-webhook^="Ops "]')).toHaveCount(0);

  // Resolved, so later specs find the Dashboard operational (a maintenance preview counts on it).
  const { incident } = (await response.json()) as { incident: { number: number } };
  const resolved = await request.post(`/api/admin/incidents/${incident.number}/posts`, {
    headers: { Authorization: `Bearer ${e2eApiToken()}` },
    data: { type: "resolved", body: "Pages load normally again.", stateChanges: [] },
  });
  expect(resolved.status()).toBe(201);
});
