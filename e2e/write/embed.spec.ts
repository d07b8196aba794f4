// The embeddable banner on another site with a strict CSP: a host page served from a second local
// origin includes /embed.js for one component. Nothing shows while it is operational; once a
// commander publishes an incident on it the banner names the incident and links to it; dismissing
// it is remembered across reloads; the page never trips its CSP. The <iframe> widget renders too.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { e2eApiToken } from "../support/api-token";

test.describe.configure({ mode: "serial" });

// No admin or write spec touches Review apps, so it is operational until this spec says otherwise.
const COMPONENT = "review-apps";
const TITLE = `Review apps are slow to start (embed e2e ${Date.now()})`;
const headers = () => ({ Authorization: `Bearer ${e2eApiToken()}` });

let host: Server;
let hostUrl: string;
let beaconUrl: string;
let number = 0;

function hostPage(body: string, policy: string): (response: ServerResponse) => void {
  return (response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host site</title></head><body><main><h1>Host site</h1>${body}</main></body></html>`,
    );
  };
}

test.beforeAll(async ({ baseURL }) => {
  beaconUrl = baseURL!;
  const strict = `default-src 'none'; script-src ${beaconUrl}; connect-src ${beaconUrl}; style-src ${beaconUrl}`;
  const withBanner = hostPage(`<script src="${beaconUrl}/embed.js" data-components="${COMPONENT}" async></script>`, strict);
  const withWidget = hostPage(
    `<iframe src="${beaconUrl}/embed/status?components=${COMPONENT}" title="Service status" width="400" height="120"></iframe>`,
    `default-src 'none'; frame-src ${beaconUrl}`,
  );
  host = createServer((request, response) => (request.url === "/widget" ? withWidget(response) : withBanner(response)));
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async ({ request }) => {
  if (number) await request.post(`/api/admin/incidents/${number}/posts`, { headers: headers(), data: { type: "resolved", body: "Resolved." } });
  await new Promise((resolve) => host?.close(resolve));
});

/** Every CSP violation the host page reports, from the DOM event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  return violations;
}

const banner = (page: Page) => page.locator("[data-beacon-embed] [role=status]");

test("no banner while the chosen component is operational: one request, nothing rendered", async ({ page, request }) => {
  const status = await (await request.get(`/embed.json?fresh=${Date.now()}`)).json();
  expect(status.incidents.filter((incident: { components: string[] }) => incident.components.includes(COMPONENT))).toEqual([]);
  const violations = await watchViolations(page);
  const embedRequests: string[] = [];
  page.on("request", (sent) => sent.url().startsWith(beaconUrl) && embedRequests.push(new URL(sent.url()).pathname));
  await page.goto(hostUrl);
  await page.waitForLoadState("networkidle");
  expect(embedRequests).toEqual(["/embed.js", "/embed.json"]);
  await expect(page.locator("[data-beacon-embed]")).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("a published incident on the component shows the banner with its title and link; dismissed, it stays gone", async ({ page, request }) => {
  test.setTimeout(120_000);
  const opened = await request.post("/api/admin/incidents", {
    headers: headers(),
    data: {
      title: TITLE,
      type: "issue",
      body: "Review apps take minutes to boot.",
      componentIds: [COMPONENT],
      stateChanges: [{ componentId: COMPONENT, state: "yellow" }],
    },
  });
  expect(opened.status()).toBe(201);
  number = (await opened.json()).incident.number;

  const violations = await watchViolations(page);
  await page.goto(hostUrl);
  // The host's browser may keep the all-clear answer for its short max-age: reload until it expires.
  await expect(async () => {
    await page.reload();
    await expect(banner(page)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(banner(page)).toContainText(`Partial disruption: ${TITLE}`);
  await expect(banner(page)).toHaveAttribute("aria-live", "polite");
  await expect(page.getByRole("link", { name: TITLE })).toHaveAttribute("href", `${beaconUrl}/incidents/${number}`);
  // Styled through the CSSOM alone, which the host's style-src does not block.
  await expect(banner(page)).toHaveCSS("position", "fixed");
  await expect(banner(page)).toHaveCSS("background-color", "rgb(17, 24, 39)");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  const dismiss = page.getByRole("button", { name: "Dismiss status notice" });
  await dismiss.focus();
  await expect(dismiss).toHaveCSS("outline-style", "solid");
  await dismiss.click();
  await expect(page.locator("[data-beacon-embed]")).toHaveCount(0);
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[data-beacon-embed]")).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("the iframe widget renders the component's state inside another site; other pages refuse framing", async ({ page, request }) => {
  await page.goto(`${hostUrl}/widget`);
  const widget = page.frameLocator("iframe[title='Service status']");
  await expect(widget.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(widget.locator("[data-state]")).toHaveAttribute("data-state", "yellow");
  expect((await request.get("/embed/status")).headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect((await request.get("/")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
