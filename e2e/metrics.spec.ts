// /admin/metrics as a viewer sees it: the GET form without JavaScript, SVG charts with text
// equivalents, CSV files with the table's header, no accessibility violations.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/admin";

const OUTAGE_2012 = "/admin/metrics?period=quarter&component=production&from=2012-04-01&to=2012-09-30";

test.describe("metrics", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "viewer");
  });

  test("a viewer reads the 2012 outage's figures, and every chart has a text equivalent", async ({ page }) => {
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Metrics" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
    await page.goto(OUTAGE_2012);
    const incidents = page.getByRole("region", { name: "Incidents", exact: true });
    await expect(incidents.getByRole("row", { name: /#386 Widespread Application Outage/ })).toContainText("787");
    const components = page.getByRole("region", { name: "Components" });
    await expect(components.getByRole("row", { name: /2012-Q2 Production 300 480/ })).toBeVisible();

    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) {
      const [titleId, descId] = ((await chart.getAttribute("aria-labelledby")) ?? "").split(" ");
      await expect(chart.locator(`title#${titleId}`)).not.toBeEmpty();
      await expect(chart.locator(`desc#${descId}`)).toContainText("table");
    }
    await expect(page.getByRole("img", { name: /Incidents per period by highest state reached/ })).toBeVisible();
    await expect(page.getByRole("img", { name: "Production: minutes in red and yellow per period" })).toBeVisible();
  });

  test("the CSV of a table downloads with the table's header and rows", async ({ page }) => {
    await page.goto(OUTAGE_2012);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV of Incidents", exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("beacon-incidents-2012-Q2-2012-Q3-quarter.csv");
    const lines = readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(lines[0]).toBe("Incident,Title,Began (UTC),Highest state,Minutes to first public post,Minutes to resolve,Out of working hours");
    expect(lines[1]).toBe("#386,Widespread Application Outage,2012-06-30 03:18,red,0,787,yes");
  });

  test("odd form values get a message next to their field, never a 500", async ({ page }) => {
    const cases: [query: string, field: string, message: RegExp][] = [
      ["period=__proto__", "Period", /Choose week, month or quarter/],
      ["component=constructor", "Component", /Choose a component from the list/],
      ["from=2026-02-30", "From (optional)", /Use a date such as/],
      ["from=2026-03-01&to=2026-02-01", "From (optional)", /must not be after the end/],
      ["period=week&from=1990-01-01&to=2026-01-01", "From (optional)", /at most 260 periods/],
    ];
    for (const [query, field, message] of cases) {
      const response = await page.goto(`/admin/metrics?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByLabel(field, { exact: true })).toHaveAccessibleDescription(message);
    }
  });

  test("the page has no accessibility violations", async ({ page }) => {
    await page.goto(OUTAGE_2012);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
  });
});

test.describe("metrics without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the GET form chooses the period and component", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/admin/metrics");
    await page.getByLabel("Period", { exact: true }).selectOption("week");
    await page.getByLabel("Component", { exact: true }).selectOption({ label: "Production › Git push" });
    await page.getByLabel("From (optional)").fill("2020-08-31");
    await page.getByLabel("To (optional)").fill("2020-09-06");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/period=week&component=git-push&from=2020-08-31&to=2020-09-06/);
    // The demo's 401 alert at 13:55 began it: 7 minutes to the Investigating post, 97 to resolve.
    const row = page.getByRole("region", { name: "Incidents", exact: true }).getByRole("row", { name: /#2105/ });
    await expect(row.getByRole("cell")).toHaveText(["#2105", /git push heroku main/, "2020-09-03 13:55", "yellow", "7", "97", "no"]);
    await expect(page.getByRole("img", { name: "Git push: minutes in red and yellow per period" })).toBeVisible();
  });
});

test("an anonymous request for a metrics CSV is refused", async ({ request }) => {
  const response = await request.get("/admin/metrics/csv/incidents", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.text()).not.toContain("#386");
});

test("an admin's working hours and time zone change what counts as out of hours", async ({ page }) => {
  await signIn(page, "admin");
  const setHours = async (timeZone: string) => {
    await page.goto("/admin/settings");
    const section = page.getByRole("region", { name: "Working hours" });
    await section.getByLabel("Time zone").fill(timeZone);
    await section.getByRole("button", { name: "Save working hours" }).click();
    await expect(section.getByRole("status")).toHaveText("Saved.");
  };
  await setHours("Asia/Tokyo");
  await page.goto("/admin/metrics?period=month&from=2020-09-01&to=2020-09-30");
  // 13:55 UTC on a Thursday is 22:55 in Tokyo, after 17:00.
  const row = page.getByRole("region", { name: "Incidents", exact: true }).getByRole("row", { name: /#2105/ });
  await expect(row.getByRole("cell")).toHaveText(["#2105", /git push/, "2020-09-03 22:55", "yellow", "7", "97", "yes"]);
  await setHours("UTC");
});
