import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("shows each system and sub-component with its current state", async ({ page }) => {
    await page.goto("/");
    const production = page.locator('[data-system="production"]');
    const development = page.locator('[data-system="development"]');
    await expect(production.getByRole("heading", { name: "Production" })).toBeVisible();
    await expect(development.getByRole("heading", { name: "Development" })).toBeVisible();
    // The demo's open incident has the Platform API degraded, so Production rolls up to yellow.
    await expect(production.locator("[data-state]").first()).toHaveText("Degraded");
    await expect(production.locator('[data-component="platform-api"]')).toContainText("Degraded");
    await expect(production.locator('[data-component="git-push"]')).toContainText("Operational");
    await expect(development.locator("[data-state]").first()).toHaveText("Operational");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partial disruption");
    await expect(page).toHaveTitle(/Partial disruption/);
  });

  test("shows the open incident's full timeline, upcoming maintenance and recent incidents", async ({ page }) => {
    await page.goto("/");
    const open = page.locator("section", { has: page.getByRole("heading", { name: "Open incidents" }) });
    await expect(open.getByRole("link", { name: "Elevated error rates on the Platform API" })).toBeVisible();
    await expect(open.locator("[data-post-type]")).toHaveCount(2);
    await expect(open.locator("[data-post-type]").first()).toHaveAttribute("data-post-type", "issue");
    const maintenance = page.locator("section", { has: page.getByRole("heading", { name: "Scheduled maintenance" }) });
    await expect(maintenance).toContainText("Upcoming maintenance");
    const resolved = page.locator("section", { has: page.getByRole("heading", { name: "Recently resolved" }) });
    await expect(resolved.locator("[data-incident]")).toHaveCount(5);
    await expect(page.getByText(/Last updated/)).toBeVisible();
  });

  test("is cacheable by a CDN, with a strong ETag and 304 on revalidation", async ({ request }) => {
    const first = await request.get("/");
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toMatch(/max-age=\d+/);
    expect(first.headers()["cache-control"]).toMatch(/stale-while-revalidate=\d+/);
    const etag = first.headers().etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await request.get("/", { headers: { "If-None-Match": etag! } });
    expect(again.status()).toBe(304);
  });

  test("weighs at most 60 KB over the wire and needs no script file", async ({ request }) => {
    const response = await request.fetch("/", { headers: { "Accept-Encoding": "gzip" } });
    const body = await response.text();
    expect(body).not.toMatch(/<script[^>]+src=/);
    expect(body).not.toMatch(/<link[^>]+rel="stylesheet"/);
    // Playwright decompresses; measure the compressed size the server sent.
    const compressed = Number(response.headers()["content-length"]);
    console.log(`page weight of /: ${compressed} bytes gzip, ${Buffer.byteLength(body)} bytes uncompressed`);
    expect(response.headers()["content-encoding"]).toBe("gzip");
    expect(compressed).toBeLessThanOrEqual(60 * 1024);
  });
});

test.describe("incident page", () => {
  test("the 2012 outage shows its posts in order with UTC times and red 5h / yellow 8h", async ({ browser }) => {
    // Without JavaScript the HTML's own UTC times are what the reader sees.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/incidents/386");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Widespread Application Outage");
    const posts = page.locator("[data-post-type]");
    const texts = await posts.allTextContents();
    const chronological = [...texts].reverse();
    expect(chronological[0]).toContain("Investigating");
    expect(chronological[0]).toContain("Jun 30, 2012 03:18 UTC");
    expect(chronological[1]).toContain("Issue");
    expect(chronological[1]).toContain("Jun 30, 2012 03:25 UTC");
    expect(chronological[2]).toContain("Update");
    expect(chronological[2]).toContain("Jun 30, 2012 03:49 UTC");
    expect(chronological.at(-1)).toContain("Resolved");
    await expect(page.locator('[data-component-durations="production"]')).toContainText("Production — red 5h · yellow 8h");
    await expect(page.locator('[data-component-durations="development"]')).toContainText("Development — red 5h · yellow 8h");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Widespread Application Outage/);
    await context.close();
  });

  test("unknown incident numbers get a 404 page", async ({ page }) => {
    const response = await page.goto("/incidents/999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
    expect((await page.goto("/incidents/not-a-number"))?.status()).toBe(404);
  });

  test("times become the reader's local time when JavaScript runs", async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
    const page = await context.newPage();
    await page.goto("/incidents/386");
    const investigating = page.locator('[data-post-type="investigating"] time');
    await expect(investigating).toHaveAttribute("datetime", "2012-06-30T03:18:00.000Z");
    await expect(investigating).toContainText("Jun 29, 2012");
    await expect(investigating).toHaveAttribute("title", "Jun 30, 2012 03:18 UTC");
    await context.close();
  });
});

test.describe("history", () => {
  test("groups incidents by month and pages back in time", async ({ page }) => {
    await page.goto("/history");
    const months = page.locator("[data-month]");
    await expect(months).toHaveCount(3);
    await expect(page.locator("[data-incident]").first()).toBeVisible();
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(page).toHaveURL(/\/history\?page=2$/);
    await expect(page.locator("[data-month]")).toHaveCount(3);
    await expect(page.getByRole("link", { name: "← Newer" })).toBeVisible();
  });

  test("says so when a month had no incidents", async ({ page }) => {
    // The demo's history spans about 90 days; page 4 is a year back and empty apart from fixtures.
    await page.goto("/history?page=4");
    await expect(page.getByText("No incidents reported this month.").first()).toBeVisible();
  });

  test("filters by component (a system includes its sub-components)", async ({ page }) => {
    await page.goto("/history");
    await page.getByLabel("Component").selectOption("platform-api");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/component=platform-api/);
    const listed = page.locator("[data-incident]");
    await expect(listed.first()).toBeVisible();
    for (const text of await listed.allTextContents()) expect(text).toContain("Platform API");
    expect((await page.goto("/history?component=no-such-thing"))?.status()).toBe(404);
    expect((await page.goto("/history?page=abc"))?.status()).toBe(400);
  });
});

test.describe("component page", () => {
  test("shows the state, 90 daily bars with exact minutes and the incidents", async ({ page }) => {
    await page.goto("/components/platform-api");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Platform API");
    await expect(page.locator("[data-state]").first()).toHaveText("Degraded");
    const bars = page.locator("[data-day]");
    await expect(bars).toHaveCount(90);
    await expect(bars.last()).toHaveAttribute("title", /uptime/);
    await expect(page.getByRole("link", { name: "Elevated error rates on the Platform API" })).toBeVisible();
  });
});
