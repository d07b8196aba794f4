// The first run, against a second Beacon on an EMPTY database (the suite's own server is seeded with
// users): /admin leads to the setup page, which needs the code the server printed; a wrong code is
// refused, the right one creates the admin and signs them in (without JavaScript), and then the page
// is gone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { type BeaconProcess, startBeacon } from "../../scripts/support/beacon-process";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const PASSWORD = "a long enough passphrase";

let beacon: BeaconProcess;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "beacon-setup-e2e-"));
  beacon = await startBeacon({ databaseUrl: `file:${path.join(dataDir, "beacon.db")}`, dataDir });
});

test.afterAll(async () => {
  await beacon?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function setupCode(): Promise<string> {
  const pattern = /\/admin\/setup\?code=([A-Z0-9-]+)/;
  if (!pattern.test(beacon.output())) await beacon.nextOutput(pattern, 15_000);
  const code = pattern.exec(beacon.output())?.[1];
  if (!code) throw new Error(`no setup URL in the server's log:\n${beacon.output()}`);
  return code;
}

async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

const newPage = async (browser: Browser, javaScriptEnabled = true) => (await browser.newContext({ baseURL: beacon.url, javaScriptEnabled })).newPage();

test("the first run: code required, wrong code refused, the admin created and signed in, then the page is gone", async ({ browser }) => {
  test.setTimeout(90_000);
  const code = await setupCode();

  // The sign-in page says how to get in instead of a bare form.
  const visitor = await newPage(browser);
  await visitor.goto("/admin");
  await expect(visitor).toHaveURL(/\/admin\/login/);
  await expect(visitor.getByRole("heading", { name: "No account exists yet" })).toBeVisible();
  await expect(visitor.getByText("npm run admin -- create")).toBeVisible();
  await expectAxeClean(visitor);
  await visitor.getByRole("link", { name: "setup page" }).click();
  await expect(visitor.getByRole("heading", { name: "Set up Beacon" })).toBeVisible();
  await expectAxeClean(visitor);

  // Without JavaScript: no code, then a wrong one, then the right one from the printed URL.
  const page = await newPage(browser, false);
  await page.goto("/admin/setup");
  await page.getByLabel("Email").fill("first@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.getByText("Enter the setup code from the server's log.").first()).toBeVisible();
  await page.getByLabel("Setup code").fill("AAAA-BBBB-CCCC");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page.getByText("That setup code is not valid").first()).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("first@example.com");

  await page.goto(`/admin/setup?code=${code}`);
  await expect(page.getByLabel("Setup code")).toHaveValue(code);
  await page.getByLabel("Your name").fill("First Admin");
  await page.getByLabel("Email").fill("first@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator("[data-signed-in-as]")).toHaveAttribute("data-signed-in-as", "first@example.com");

  // Gone for everyone, the code with it; sign-in is a plain form again.
  const response = await visitor.goto(`/admin/setup?code=${code}`);
  expect(response?.status()).toBe(404);
  await visitor.goto("/admin/login");
  await expect(visitor.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(visitor.getByText("No account exists yet")).toHaveCount(0);
});
