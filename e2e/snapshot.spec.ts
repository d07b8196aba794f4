// The snapshot as readers meet it: the "last known status" pages Beacon serves while its database
// is unreachable (written by the running server into its data directory), and the static copy
// `npm run snapshot -- --out DIR` exports for separate hosting, browsed through a plain static
// file server. Both must be complete without JavaScript and accessible.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = path.dirname(process.env.E2E_DATABASE_URL!.replace(/^file:/, ""));
const snapshotDir = path.join(dataDir, "snapshot");

/** A static file server like nginx with `try_files $uri $uri/index.html $uri/index.json` (README). */
function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar",
  };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const base = path.join(root, path.normalize(pathname));
    const file = [base, path.join(base, "index.html"), path.join(base, "index.json")].find(
      (candidate) => candidate.startsWith(root) && existsSync(candidate) && statSync(candidate).isFile(),
    );
    if (!file) return void response.writeHead(404).end("not found");
    response.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

test.describe("the pages served while the database is unreachable", () => {
  test.beforeAll(async () => {
    await expect.poll(() => existsSync(path.join(snapshotDir, "manifest.json")), { timeout: 20_000 }).toBe(true);
  });

  // Light mode without JavaScript (the page must not need it); dark mode with it (axe needs it).
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [url, file] of [
      ["/", "index.html"],
      ["/incidents/386", "incidents/386/index.html"],
    ] as const) {
      const checks = colorScheme === "light" ? "without JavaScript" : "with no axe violations in dark mode";
      test(`${url} (last known) says so and hides the verdict, ${checks}`, async ({ browser, baseURL }) => {
        const html = readFileSync(path.join(snapshotDir, "_last-known", file), "utf8");
        const context = await browser.newContext({ colorScheme, javaScriptEnabled: colorScheme === "dark" });
        const page = await context.newPage();
        await page.route(`${baseURL}${url}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
        await page.goto(url);
        const notice = page.getByRole("alert");
        await expect(notice).toContainText("Status unknown");
        await expect(notice).toContainText(/Showing the last known status from .* UTC — live data unavailable/);
        await expect(page.locator("[data-overall]")).toHaveCount(0);
        if (colorScheme === "light") return void (await context.close());
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
        await context.close();
      });
    }
  }
});

test.describe("the static copy for separate hosting", () => {
  let out: string;
  let site: { server: Server; url: string };

  test.beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), "beacon-static-"));
    execFileSync(process.execPath, ["--import", "tsx", "scripts/snapshot.ts", "--out", out], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, BEACON_DATA_DIR: dataDir },
      stdio: "pipe",
    });
    site = await serveStatic(out);
  });

  test.afterAll(async () => {
    site?.server.close();
    rmSync(out, { recursive: true, force: true });
  });

  test("is browsable without JavaScript: home, history pages, incidents, feeds and APIs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await expect(page.locator("[data-overall]")).toHaveText("Partial disruption");
    await page.getByRole("link", { name: "Incident history" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident history");
    await page.getByRole("link", { name: /older/i }).click();
    await expect(page).toHaveURL(/\/history\/page\/2\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incident history");
    await page.goto(`${site.url}/incidents/386`);
    await expect(page.getByRole("main")).toContainText("Production — red 5h · yellow 8h");

    const summary = await (await fetch(`${site.url}/api/v2/summary.json`)).json();
    expect(summary.status.indicator).toBe("minor");
    const heroku = await (await fetch(`${site.url}/api/v3/current-status`)).json();
    expect(heroku.status).toEqual({ Production: "yellow", Development: "green" });
    const atom = await (await fetch(`${site.url}/history.atom`)).text();
    expect(atom).toContain("<feed");
    await context.close();
  });
});
