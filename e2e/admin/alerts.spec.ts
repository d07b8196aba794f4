// Alerts from a real Prometheus Alertmanager (Debian's prometheus-alertmanager), end to end on the
// built server: an admin creates an integration and a rule; Alertmanager, started here on a free
// 127.0.0.1 port, sends its webhook (bearer token, send_resolved) to Beacon; the draft appears on
// the dashboard (the time from the push to it being visible is printed), with its evidence escaped;
// a commander edits and confirms it through the preview; the public page shows it; the alert is
// expired and the proposed Resolved draft appears, saying no alert still fires; it is confirmed, so
// Production is left as found. Dashboard, draft and integration pages are axe-clean.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "../support/admin";

test.describe.configure({ mode: "serial" });

const RUN = Date.now();
const ALERT_NAME = `E2EHighErrorRate${RUN}`;
const HOSTILE_INSTANCE = `<img src=x onerror="window.__xss=1">api-${RUN}`;
const TITLE = `Elevated API errors (alerts e2e ${RUN})`;
const GRAPH = "http://prometheus.example/graph?g0.expr=job%3Aerrors%3Arate5m";
const labels = { alertname: ALERT_NAME, severity: "critical", instance: HOSTILE_INSTANCE };
const startsAt = new Date().toISOString();

let integrationId = 0;
let token = "";
let incidentPath = "";
let alertmanager: ChildProcess | null = null;
let alertmanagerUrl = "";
let workDir = "";

const axeClean = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations).toEqual([]);
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startAlertmanager(beaconUrl: string): Promise<void> {
  workDir = mkdtempSync(path.join(tmpdir(), "beacon-am-"));
  const port = await freePort();
  const config = [
    "route:",
    "  receiver: beacon",
    "  group_by: [alertname]",
    "  group_wait: 1s",
    "  group_interval: 1s",
    "  repeat_interval: 1h",
    "receivers:",
    "  - name: beacon",
    "    webhook_configs:",
    `      - url: ${beaconUrl}/api/integrations/alertmanager`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    `            credentials: ${token}`,
  ].join("\n");
  writeFileSync(path.join(workDir, "am.yml"), config);
  alertmanager = spawn(
    "prometheus-alertmanager",
    [
      `--config.file=${path.join(workDir, "am.yml")}`,
      `--storage.path=${path.join(workDir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
    ],
    { stdio: "ignore" },
  );
  alertmanagerUrl = `http://127.0.0.1:${port}`;
  await expect.poll(async () => (await fetch(`${alertmanagerUrl}/-/ready`).catch(() => null))?.status, { timeout: 15_000 }).toBe(200);
}

/** Alertmanager's own API, as Prometheus pushes to it; endsAt in the past resolves an alert. */
async function pushAlerts(alerts: readonly { labels: Record<string, string>; endsAt?: string }[]): Promise<void> {
  const body = alerts.map((alert) => ({ annotations: { summary: "5xx responses above 5% for 5 minutes" }, generatorURL: GRAPH, startsAt, ...alert }));
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}
const pushAlert = (endsAt?: string) => pushAlerts([{ labels, endsAt }]);
const aSecondAgo = () => new Date(Date.now() - 1_000).toISOString();

/** The usual confirm step: preview, tick the warnings if there are any, publish. */
async function previewAndPublish(page: Page, button: "Publish incident" | "Publish post") {
  // Wait for the preview's answer: the form it re-renders would drop a box ticked before it arrived.
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: "Preview" }).click()]);
  await expect(page.locator("[data-preview]")).toBeVisible();
  const acknowledge = page.getByLabel("I have read the warnings above and want to publish anyway.");
  if (await acknowledge.count()) {
    await acknowledge.check();
    await expect(acknowledge).toBeChecked();
  }
  await page.getByRole("button", { name: button }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
}

/** Reloads the dashboard until `shown` is there `count` times (as a commander keeping it open would see it). */
async function waitOnDashboard(page: Page, shown: Locator, count: number, { timeout, interval }: { timeout: number; interval: number }) {
  await expect
    .poll(
      async () => {
        await page.goto("/admin");
        return shown.count();
      },
      { timeout, intervals: [interval] },
    )
    .toBe(count);
}

async function waitForDraft(page: Page, kind: "investigating" | "resolved", text: string) {
  const draft = page.locator(`[data-draft][data-draft-kind="${kind}"]`, { hasText: text });
  await waitOnDashboard(page, draft, 1, { timeout: 30_000, interval: 200 });
  return draft;
}

test.afterAll(async () => {
  if (alertmanager && alertmanager.exitCode === null) {
    const exited = new Promise((resolve) => alertmanager?.once("exit", resolve));
    alertmanager.kill("SIGTERM");
    await exited;
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("an admin creates an Alertmanager integration (token and receiver shown once) and a rule, previewing its text", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Integrations" }).click();
  await page.getByLabel("Name").fill(`alertmanager-e2e-${RUN}`);
  await page.getByLabel("Sends").selectOption("alertmanager");
  await page.getByRole("button", { name: "Create integration" }).click();
  token = (await page.locator("[data-new-integration-token]").textContent()) ?? "";
  expect(token).toMatch(/^bci_/);
  await expect(page.locator("[data-integration-setup]")).toContainText(`credentials: ${token}`);
  await expect(page.locator("[data-integration-setup]")).toContainText("send_resolved: true");

  await page.reload();
  await expect(page.locator("[data-new-integration-token]")).toHaveCount(0);
  const row = page.locator(`[data-integration="alertmanager-e2e-${RUN}"]`);
  await expect(row.locator("[data-outcomes]")).toHaveText("none yet");
  integrationId = Number((await row.getByRole("link").getAttribute("href"))?.split("/").pop());
  await page.locator(`section[aria-labelledby="integration-${integrationId}"]`).getByRole("link", { name: "Add a rule" }).click();

  await page.getByLabel("Rule name").fill("Critical API alerts");
  await page.getByLabel("Matcher 2: label").fill("alertname");
  await page.getByLabel("Matcher 2: test").selectOption("regex");
  await page.getByLabel("Matcher 2: value").fill(`E2E\\w+${RUN}\\w*`);
  await page.getByRole("checkbox", { name: "Production", exact: true }).check();
  await page
    .getByLabel("Post template (Markdown)")
    .fill("Our automated systems have detected a problem with {{components}} ({{labels.instance}}). We are investigating.");
  await page.getByRole("button", { name: "Preview text" }).click();
  await expect(page.locator("[data-preview-title]")).toHaveText("HighErrorRate");
  await expect(page.locator("[data-preview-body]")).toHaveText(
    "Our automated systems have detected a problem with Production (api\\-1:9090). We are investigating.",
  );
  await page.getByRole("button", { name: "Save rule" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Rule saved.");
  await expect(page.locator('[data-rule="Critical API alerts"]')).toContainText("Drafts for a commander");
  await axeClean(page);
});

test("Alertmanager's webhook opens a draft on the dashboard with its evidence; nothing is public", async ({ page, baseURL }) => {
  await startAlertmanager(baseURL!);
  await signIn(page, "commander");
  const pushedAt = Date.now();
  await pushAlert();
  const draft = await waitForDraft(page, "investigating", ALERT_NAME);
  console.log(`alert pushed to Alertmanager → draft visible on the dashboard: ${Date.now() - pushedAt} ms`);

  const alert = draft.locator('[data-alert-status="firing"]');
  await expect(alert).toContainText("still firing");
  await expect(alert.getByText(HOSTILE_INSTANCE)).toBeVisible();
  await expect(alert.locator("img")).toHaveCount(0);
  await expect(alert.locator("[data-graph-link]")).toHaveAttribute("href", GRAPH);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await axeClean(page);

  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.getByText(ALERT_NAME)).toHaveCount(0);
});

test("a commander edits the draft, confirms it through the preview, and the public page shows it", async ({ page }) => {
  await signIn(page, "commander");
  await page
    .locator("[data-draft]", { hasText: ALERT_NAME })
    .getByRole("link", { name: /Review draft/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ALERT_NAME);
  await axeClean(page);
  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.locator("[data-preview]");
  await expect(preview.locator('[data-change="Production"]')).toHaveText(/Production: (Operational|Degraded|Outage) → Outage|Production: unchanged/);
  await expect(preview).toContainText("Our automated systems have detected a problem with Production");
  await page.getByRole("button", { name: "Publish incident" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Published.");
  incidentPath = new URL(page.url()).pathname;

  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.getByText(TITLE).first()).toBeVisible();
});

test("when the alert expires, a Resolved draft is proposed, saying no alert still fires; confirming it resolves the incident", async ({ page }) => {
  await signIn(page, "commander");
  await pushAlert(aSecondAgo());
  const draft = await waitForDraft(page, "resolved", TITLE);
  await expect(draft.locator('[data-still-firing="0"]')).toBeVisible();
  await expect(draft.locator('[data-alert-status="resolved"]')).toBeVisible();

  await draft.getByRole("link", { name: /Review draft/ }).click();
  await page.getByRole("button", { name: "Preview" }).click();
  // Above the form and again in the preview itself.
  await expect(page.locator('[data-still-firing="0"]')).toHaveCount(2);
  await previewAndPublish(page, "Publish post");
  expect(new URL(page.url()).pathname).toBe(incidentPath);
  await expect(page.getByText(/^Resolved /).first()).toBeVisible();
});

test("the integration's page lists what Alertmanager sent, newest first, with outcomes; axe-clean", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/admin/integrations/${integrationId}`);
  const rows = page.locator("[data-payload]");
  await expect(rows.first()).toHaveAttribute("data-outcome", /attached|opened|ignored/);
  await expect(page.locator('[data-outcome="opened"]')).toHaveCount(1);
  // The stored body as text (Alertmanager's JSON writes < as \u003c): the sender's markup is never markup here.
  await expect(page.locator("[data-payload] pre", { hasText: `api-${RUN}` }).first()).toBeAttached();
  await expect(page.locator("[data-payload] img")).toHaveCount(0);
  await axeClean(page);
  await page.goto("/admin/integrations");
  await expect(page.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await axeClean(page);
});

test("without JavaScript, an admin adds a second rule with a text preview, moves it first, then deletes it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await signIn(page, "admin");
  await page.goto(`/admin/integrations/${integrationId}/rules/new`);
  await page.getByLabel("Rule name").fill("Disk alerts");
  await page.getByLabel("Matcher 1: label").fill("alertname");
  await page.getByLabel("Matcher 1: test").selectOption("equals");
  await page.getByLabel("Matcher 1: value").fill("DiskFull");
  await page.getByRole("checkbox", { name: "Development", exact: true }).check();
  await page.getByLabel("State", { exact: true }).selectOption("yellow");
  await page.getByLabel("Title template").fill("{{alertname}} on {{labels.instance}}");
  await page.getByRole("button", { name: "Preview text" }).click();
  await expect(page.locator("[data-preview-title]")).toHaveText("DiskFull on api-1:9090");
  await expect(page.getByLabel("Rule name")).toHaveValue("Disk alerts");
  await page.getByRole("button", { name: "Save rule" }).click();
  await expect(page.locator("[data-notice]")).toHaveText("Rule saved.");

  const rules = page.locator(`section[aria-labelledby="integration-${integrationId}"] [data-rule]`);
  await expect(rules).toHaveCount(2);
  await expect(rules.nth(1)).toHaveAttribute("data-rule", "Disk alerts");
  await expect(rules.nth(1)).toContainText("always Degraded");
  await page.getByRole("button", { name: "Move Disk alerts up" }).click();
  await expect(rules.nth(0)).toHaveAttribute("data-rule", "Disk alerts");
  await page.getByRole("button", { name: "Delete Disk alerts" }).click();
  await expect(rules).toHaveCount(1);
  await expect(rules.nth(0)).toHaveAttribute("data-rule", "Critical API alerts");
  await context.close();
});

test("50 different alerts at once: a few drafts, then one storm draft listing the rest; when one of its alerts resolves, the proposed Resolved says which still fire", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stormAlerts = Array.from({ length: 50 }, (_, index) => `E2EStorm${RUN}x${index}`);
  await signIn(page, "commander");
  await pushAlerts(stormAlerts.map((alertname) => ({ labels: { alertname, severity: "warning" } })));
  const onDashboard = page.locator(`[data-draft] [data-alert-name^="E2EStorm${RUN}x"]`);
  await waitOnDashboard(page, onDashboard, 50, { timeout: 60_000, interval: 500 });
  const storm = page.locator("[data-draft][data-storm]");
  await expect(storm).toHaveCount(1);
  const inStorm = await storm.locator("[data-alert-name]").evaluateAll((items) => items.map((item) => item.getAttribute("data-alert-name") ?? ""));
  expect(inStorm.length).toBeGreaterThan(1);
  expect(await page.locator("[data-draft]:not([data-storm])").count()).toBe(50 - inStorm.length);

  await storm.getByRole("link", { name: /Review draft/ }).click();
  await previewAndPublish(page, "Publish incident");
  const stormIncident = new URL(page.url()).pathname;

  const [resolvedFirst, ...stillFiring] = inStorm;
  await pushAlerts([{ labels: { alertname: resolvedFirst!, severity: "warning" }, endsAt: aSecondAgo() }]);
  const proposal = await waitForDraft(page, "resolved", "");
  await expect(proposal.locator("[data-still-firing]")).toHaveAttribute("data-still-firing", String(stillFiring.length));
  await expect(proposal.locator("[data-still-firing]")).toContainText(stillFiring[0]!);
  await proposal.getByRole("link", { name: /Review draft/ }).click();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.locator("[data-preview]")).toBeVisible();
  await expect(page.getByText(`Still firing: ${stillFiring.join(", ")}`)).toHaveCount(2);

  // Leave the dashboard as found: the commander resolves the storm anyway and dismisses the other drafts.
  await previewAndPublish(page, "Publish post");
  expect(new URL(page.url()).pathname).toBe(stormIncident);
  for (let left = 50 - inStorm.length; left > 0; left--) {
    await page.goto("/admin");
    await page
      .locator("[data-draft]")
      .first()
      .getByRole("link", { name: /Review draft/ })
      .click();
    await page.getByRole("button", { name: "Dismiss this draft (publish nothing)" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  }
  await expect(page.locator("[data-draft]")).toHaveCount(0);
});
