import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { loadComponents, loadIncidentsOverlapping } from "@/lib/db/timeline-queries";
import { parseDatabaseUrl } from "@/lib/runtime/env";
import { uptimeByComponent, uptimeWindowStart } from "@/lib/public/views";

const PAGES = [
  "/",
  "/incidents/386",
  "/incidents/2105",
  "/history",
  "/history?component=production",
  "/components/production",
  "/components/git-push",
  "/incidents/424242",
];

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of PAGES) {
      test(`${path} in ${colorScheme} mode has no violations`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
        await context.close();
      });
    }
  }
});

test.describe("without JavaScript", () => {
  for (const path of PAGES.slice(0, 7)) {
    test(`${path} is complete`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("main")).not.toBeEmpty();
      await expect(page.locator("time").first()).toContainText("UTC");
      await context.close();
    });
  }
});

test("hostile Markdown in posts stays inert text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/incidents/9001");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=1</script>");
  await expect(page.getByText("Payload 1:")).toBeVisible();
  await page.locator("[data-post-type] a").evaluateAll((links) => links.forEach((link) => (link as HTMLAnchorElement).click()));
  await page.mouse.move(10, 10);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const postsHtml = await page.locator("[data-timeline]").innerHTML();
  expect(postsHtml).not.toMatch(/<(script|img|svg|iframe|details|math|style)\b/i);
  expect(postsHtml).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  // The edited post is marked as such.
  await expect(page.locator("[data-post-type]", { hasText: "Payload 1:" })).toContainText("(edited)");
});

test("uptime bars on / and on the component page agree with the timeline core", async ({ page }) => {
  const db = createDb(parseDatabaseUrl(process.env.E2E_DATABASE_URL!));
  const components = await loadComponents(db);
  // The open incident's bar grows with time, so compute for the instant each page was rendered.
  const expectedAt = async (now: Date) => {
    const from = uptimeWindowStart(now);
    const incidents = await loadIncidentsOverlapping(db, { from, to: new Date(from.getTime() + 91 * 86_400_000) });
    return uptimeByComponent(incidents, components, now);
  };
  let somethingToCompare = false;
  for (const slug of ["production", "development"]) {
    const component = components.find((candidate) => candidate.slug === slug)!;
    for (const path of ["/", `/components/${slug}`]) {
      await page.goto(path);
      const bars = page.locator(`[data-system="${slug}"] [data-day]`);
      const asOf = await page.locator(`[data-system="${slug}"] [data-as-of]`).getAttribute("data-as-of");
      const uptime = (await expectedAt(new Date(asOf!))).get(component.id)!;
      const expectedBars = uptime.days.map(
        (day) =>
          `${day.day} ${day.worst} red=${Math.round(day.durations.red / 60_000)},yellow=${Math.round(day.durations.yellow / 60_000)},blue=${Math.round(day.durations.blue / 60_000)}`,
      );
      const shown = await bars.evaluateAll((items) =>
        items.map((item) => `${item.getAttribute("data-day")} ${item.getAttribute("data-worst")} ${item.getAttribute("data-minutes")}`),
      );
      expect(shown, `${path} bars for ${slug}`).toEqual(expectedBars);
      await expect(page.locator(`[data-system="${slug}"] [data-uptime-percent]`)).toHaveAttribute("data-uptime-percent", uptime.uptimePercent.toFixed(4));
      // The demo history has incidents in the window, so the comparison is not vacuous.
      if (uptime.days.some((day) => day.worst !== "green")) somethingToCompare = true;
    }
  }
  await db.$disconnect();
  expect(somethingToCompare).toBe(true);
});

test("screenshots at phone and desktop widths", async ({ browser }, testInfo) => {
  for (const [name, width] of [
    ["phone", 320],
    ["desktop", 1280],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const [label, path] of [
      ["home", "/"],
      ["incident-386", "/incidents/386"],
    ] as const) {
      await page.goto(path);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} fits ${width}px without horizontal scrolling`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`${label}-${name}.png`), fullPage: true });
    }
    await context.close();
  }
});
