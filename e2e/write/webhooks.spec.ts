// Admins register a webhook and manage API tokens in the admin; a publish reaches a local receiver
// signed, within moments, and the delivery shows in the endpoint's log.
import { expect, test } from "@playwright/test";
import { verifySignature } from "../../lib/webhooks/signature";
import { startReceiver, type Receiver } from "../../tests/support/receiver";
import { openIssueByApi } from "../support/api-token";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const SECRET = "e2e-webhook-secret-123456";
let receiver: Receiver;

test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(() => receiver.close());

test("an admin registers an endpoint; the publish preview counts it; a publish is delivered signed", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByLabel("Name").fill("E2E receiver");
  await page.getByLabel("URL").fill(receiver.url);
  await page.getByLabel("Signing secret").fill(SECRET);
  await page.getByRole("checkbox", { name: "Production" }).check();
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.locator("[data-new-secret]")).toHaveText(SECRET);
  await page.reload();
  await expect(page.locator('[data-webhook="E2E receiver"]')).toContainText("Components: Production");

  await page.goto("/admin/incidents/new");
  await page.getByLabel("Title").fill("Preview only");
  await page.getByRole("checkbox", { name: "Routing" }).check();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-preview]")).toContainText("1 webhook subscriber will be notified");

  const published = Date.now();
  await openIssueByApi(request, { title: "Routing errors (webhook e2e)", body: "Some requests fail.", component: "routing", state: "yellow" });
  await expect.poll(() => receiver.received.length, { timeout: 5_000, intervals: [10] }).toBe(1);
  console.log(`[measure] webhook received ${Date.now() - published} ms after the publish request was sent`);
  const [delivery] = receiver.received;
  expect(verifySignature(SECRET, delivery!.headers["x-beacon-signature"] as string, delivery!.body, new Date())).toBe(true);
  expect(JSON.parse(delivery!.body)).toMatchObject({
    event: "incident.opened",
    incident: { title: "Routing errors (webhook e2e)" },
  });
  // Routing turns yellow; its system (Production) is listed too when that changes its state, which
  // depends on what earlier specs left open in the shared demo data.
  const changes = JSON.parse(delivery!.body).component_changes as { slug: string; old_state: string; new_state: string }[];
  expect(changes).toContainEqual(expect.objectContaining({ slug: "routing", old_state: "green", new_state: "yellow" }));
  expect(changes.every((change) => change.old_state !== change.new_state && ["routing", "production"].includes(change.slug))).toBe(true);

  await page.goto("/admin/webhooks");
  await page.getByRole("link", { name: "E2E receiver" }).click();
  await expect(page.locator("[data-attempt]").first()).toContainText("HTTP 200");
});

test("an endpoint at a private address is refused next to its field, and the form keeps what was typed", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/webhooks");
  await page.getByLabel("Name").fill("Internal receiver");
  await page.getByLabel("URL").fill("http://10.0.0.1/hooks/beacon");
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByText("Beacon does not send webhooks to loopback, private or link-local addresses", { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel("URL")).toHaveValue("http://10.0.0.1/hooks/beacon");
  await expect(page.getByLabel("Name")).toHaveValue("Internal receiver");
  await expect(page.locator('[data-webhook="Internal receiver"]')).toHaveCount(0);
});

test("an admin creates a token (shown once), it publishes, and once revoked it is refused", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill("pager");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator("[data-new-token]").textContent())!.trim();
  expect(token).toMatch(/^bcn_/);
  await page.reload();
  await expect(page.locator("[data-new-token]")).toHaveCount(0);
  await expect(page.locator('[data-token="pager"]')).toContainText(token.slice(0, 10));

  const data = { title: "Token check", type: "investigating", componentIds: ["dashboard"] };
  expect((await request.post("/api/admin/incidents", { headers: { Authorization: `Bearer ${token}` }, data })).status()).toBe(201);
  await page.locator('[data-token="pager"]').getByRole("button", { name: "Revoke pager" }).click();
  await expect(page.locator('[data-token="pager"]')).toContainText("Revoked");
  expect((await request.post("/api/admin/incidents", { headers: { Authorization: `Bearer ${token}` }, data })).status()).toBe(401);
});
