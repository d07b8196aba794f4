// Every admin page, its server actions (proxy.ts) and every /api/admin route (lib/api/server.ts)
// send the security headers, and the pages still work under their CSP: React hydrates, no violation
// is reported. Pages are read from app/, endpoints from the write API's route table, so a new admin
// page or endpoint is covered without editing this file.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { WRITE_ROUTES } from "@/lib/api/routes";
import { emailOf, PASSWORD, signIn } from "../support/admin";

function routeFiles(dir: string, file: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => path.basename(entry) === file)
    .map((entry) => `/${path.relative("app", path.join(dir, path.dirname(entry)))}`.replace(/\/\.$/, "").replace(/\/\([^)]+\)/g, ""));
}

const pageRoutes = routeFiles("app/admin", "page.tsx");

function expectSecurityHeaders(response: Response | APIResponse, nonce: "nonce" | "none") {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, response.url()).toContain("frame-ancestors 'none'");
  if (nonce === "nonce") expect(policy, response.url()).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  else expect(policy, response.url()).toContain("default-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
  expect(headers["referrer-policy"], response.url()).toBe("same-origin");
  expect(headers["x-frame-options"], response.url()).toBe("DENY");
}

/** Records CSP violations from the page's start (init scripts are not subject to the page's CSP). */
async function watchViolations(page: Page): Promise<string[]> {
  const messages: string[] = [];
  page.on("console", (message) => {
    // zod (bundled with a form's constants) probes once whether `new Function` works and falls back
    // when the CSP refuses it: that refusal is the policy working, not a broken page.
    if (/Content Security Policy/i.test(message.text()) && !message.text().endsWith("script-src eval")) messages.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return messages;
}

/** True once React has attached to the page: Next.js's scripts ran under the CSP. */
const hydrated = (page: Page) =>
  page.waitForFunction(() => Array.from(document.querySelectorAll("body *")).some((node) => Object.keys(node).some((key) => key.startsWith("__react"))));

test("the sign-in page and its server action send the security headers, and the form works under the CSP", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/admin/login");
  expectSecurityHeaders(response!, "nonce");
  await hydrated(page);
  await page.getByLabel("Email").fill(emailOf("admin"));
  await page.getByLabel("Password").fill(PASSWORD);
  const action = page.waitForResponse((answer) => answer.request().method() === "POST" && answer.url().includes("/admin/login"));
  await page.getByRole("button", { name: "Sign in" }).click();
  expectSecurityHeaders(await action, "nonce");
  await expect(page).toHaveURL(/\/admin$/);
  expect(violations).toEqual([]);
});

test("every admin page sends the security headers and runs under its CSP without a violation", async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  await signIn(page, "admin");
  expect(pageRoutes.length).toBeGreaterThan(10);
  for (const route of pageRoutes) {
    const url = await concreteUrl(page, route);
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    expectSecurityHeaders(response!, "nonce");
    await hydrated(page);
  }
  expect(violations).toEqual([]);
});

test("every /api/admin route sends the security headers, also when it refuses", async ({ request }) => {
  expect(WRITE_ROUTES.length).toBeGreaterThan(5);
  for (const { method, pattern } of WRITE_ROUTES) {
    const url = pattern.replace(/:[a-z]+/gi, "1");
    const response = await request.fetch(url, { method, data: {} });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expectSecurityHeaders(response, "none");
  }
  // The answers the table itself gives: no such endpoint, a method the address does not answer, a malformed path.
  for (const [method, url, status] of [
    ["POST", "/api/admin/nothing-here", 404],
    ["GET", "/api/admin/incidents", 405],
    ["POST", "/api/admin/incidents/%ff/posts", 400],
  ] as const) {
    const response = await request.fetch(url, { method, data: {} });
    expect(response.status(), `${method} ${url}`).toBe(status);
    expect((await response.json()).error.code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
    expectSecurityHeaders(response, "none");
  }
});

/** A dynamic route with an id that exists: the first matching link on its parent's page (or the dashboard). */
async function concreteUrl(page: Page, route: string): Promise<string> {
  if (!route.includes("[")) return route;
  const parent = route.slice(0, route.indexOf("/["));
  await page.goto(parent.endsWith("/incidents") ? "/admin" : parent);
  const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, "\\d+")}$`);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href)) ?? route.replace(/\[[^\]]+\]/g, "999999");
}
