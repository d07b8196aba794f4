// Inside an incident, end to end on the built server: CI records deploys through the API while the
// gate is clear; Production goes red and the gate answers 423 naming the incident and its commander;
// a commander takes command and writes a note; the "deploys before this incident" panel names the
// suspect with −1 and −2; the CLI refuses to deploy while the gate is closed and records a forced
// revert; after the incident is resolved the gate answers 200. The page is axe-clean.
// (In the publishing project: it resolves whatever production incident is open when it starts.)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eApiToken } from "../support/api-token";
import { emailOf, signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const run = promisify(execFile);
const RUN = Date.now();
const SERVICE = `checkout-${RUN}`;
const NOTE = `Suspect ${SERVICE} v3: errors began right after it (note ${RUN})`;
const MINUTE = 60_000;
let number = 0;

const headers = () => ({ Authorization: `Bearer ${e2eApiToken()}` });
const gate = (request: APIRequestContext) => request.get(`/api/admin/deploys/gate?service=${SERVICE}&environment=production`, { headers: headers() });
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();

test("while production is clear, CI records three deploys of a service through the API", async ({ request }) => {
  // Earlier specs (and the demo) may leave production incidents open: resolve them so the gate is clear.
  const before = await gate(request);
  if (before.status() === 423) {
    for (const incident of (await before.json()).incidents) {
      const resolved = await request.post(`/api/admin/incidents/${incident.number}/posts`, {
        headers: headers(),
        data: { type: "resolved", body: "Resolved before the deploy-gate test." },
      });
      expect(resolved.status()).toBe(201);
    }
  }
  const clear = await gate(request);
  expect(clear.status()).toBe(200);
  expect(await clear.json()).toEqual({ gate: "clear", service: SERVICE, environment: "production" });

  for (const [version, minutes] of [
    ["v1", 100],
    ["v2", 70],
    ["v3", 15],
  ] as const) {
    const response = await request.post("/api/admin/deploys", {
      headers: headers(),
      data: { service: SERVICE, version, environment: "production", deployed_by: "ci", deployed_at: ago(minutes) },
    });
    expect(response.status()).toBe(201);
    expect((await response.json()).deploy.forced_through_gate).toBe(false);
  }
});

test("with Production red the gate answers 423 naming the incident; a commander takes command and writes a note", async ({ page, request }) => {
  const opened = await request.post("/api/admin/incidents", {
    headers: headers(),
    data: {
      title: `Checkout errors (timeline e2e ${RUN})`,
      type: "issue",
      body: "Checkout fails for many customers.",
      componentIds: ["production"],
      stateChanges: [{ componentId: "production", state: "red" }],
    },
  });
  expect(opened.status()).toBe(201);
  number = (await opened.json()).incident.number;

  await signIn(page, "commander");
  await page.goto(`/admin/incidents/${number}`);
  await expect(page.locator("[data-commander]").first()).toHaveText("Nobody has taken command yet.");
  await page.getByRole("button", { name: "Take command" }).click();
  await expect(page.locator("[data-commander]").first()).toHaveText(`Commanded by ${emailOf("commander")}.`);
  await page.getByLabel("Internal note (Markdown; never public)").fill(NOTE);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator('[data-entry-kind="note"]', { hasText: NOTE })).toBeVisible();

  const closed = await gate(request);
  expect(closed.status()).toBe(423);
  const body = await closed.json();
  expect(body.gate).toBe("closed");
  expect(body.incidents).toEqual([expect.objectContaining({ number, current_state: "red", worst_state: "red", commander: emailOf("commander") })]);

  // The note is internal: not on the public incident page.
  const publicPage = await request.get(`/incidents/${number}?fresh=${RUN}`);
  expect(await publicPage.text()).not.toContain(NOTE);
});

test("the incident page shows the deploys before it began, with −1 and −2 and the version to revert to", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/admin/incidents/${number}`);
  const suspect = page.locator(`[data-suspect="${SERVICE}"]`);
  await expect(suspect).toContainText("running v3");
  await expect(suspect.locator('[data-steps="1"]')).toContainText("\u22121 v2");
  await expect(suspect.locator('[data-steps="2"]')).toContainText("\u22122 v1");
  await expect(suspect.locator("[data-revert-to]")).toHaveAttribute("data-revert-to", "v2");
  // A viewer reads, but has no forms to write with.
  await expect(page.getByRole("button", { name: "Add note" })).toHaveCount(0);

  // One hour back, v1 and v2 are outside the window; v3 is still the suspect.
  await page.getByLabel(/^Window before the start/).selectOption("1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/window=1/);
  await expect(page.locator("[data-deploy-in-window]", { hasText: SERVICE })).toHaveCount(1);
  await expect(page.locator('[data-deploy-in-window="v3"]', { hasText: SERVICE })).toBeVisible();
});

test("the CLI will not deploy while the gate is closed, and records a forced revert to −1", async ({ page, baseURL }) => {
  const env = { ...process.env, BEACON_URL: baseURL!, BEACON_TOKEN: e2eApiToken() };
  const deploy = ["scripts/beacon.ts", "deploy", "--service", SERVICE, "--version", "v2", "--previous", "v3", "--who", "ada"];
  const refused = await run("node_modules/.bin/tsx", deploy, { env }).catch((error) => error);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`deploy gate closed: 1 open incident affects production.; #${number}`);

  const forced = await run("node_modules/.bin/tsx", [...deploy, "--force"], { env });
  expect(forced.stdout.trim()).toMatch(new RegExp(`^Recorded deploy #\\d+: ${SERVICE} v2 to production \\(forced through the closed gate\\)$`));

  await signIn(page, "commander");
  await page.goto(`/admin/incidents/${number}?timeline=internal`);
  const revert = page.locator(`[data-deploy="${SERVICE}"][data-revert]`);
  await expect(revert).toContainText("back to v2 (\u22121)");
  await expect(revert).toContainText("forced through the closed gate by ada");
});

test("after the incident is resolved the gate answers 200 again", async ({ request }) => {
  const resolved = await request.post(`/api/admin/incidents/${number}/posts`, {
    headers: headers(),
    data: { type: "resolved", body: "Checkout works again." },
  });
  expect(resolved.status()).toBe(201);
  const clear = await gate(request);
  expect(clear.status()).toBe(200);
});

test("the admin incident page has no accessibility violations", async ({ page }) => {
  await signIn(page, "commander");
  await page.goto(`/admin/incidents/${number}`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
});
