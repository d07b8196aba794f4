// An alerting system's whole incident over HTTP with a token: open with Production red, update,
// resolve — seen on the public page and in the Statuspage API; and the same from the CLI.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eApiToken } from "../support/api-token";

test.describe.configure({ mode: "serial" });

const run = promisify(execFile);
const RUN = Date.now();
const TITLE = `Elevated API errors (api e2e ${RUN})`;
let number = 0;

const productionPill = (page: Page) => page.locator('[data-system="production"] [data-state]').first();
const headers = () => ({ Authorization: `Bearer ${e2eApiToken()}` });

async function summary(request: APIRequestContext) {
  const response = await request.get(`/api/v2/summary.json?fresh=${Date.now()}`);
  expect(response.status()).toBe(200);
  return response.json();
}

const OPEN_INCIDENT = {
  title: TITLE,
  type: "issue",
  body: "Error rates are elevated.",
  componentIds: ["production"],
  stateChanges: [{ componentId: "production", state: "red" }],
};

test("opens an incident with Production red over HTTP; the page and summary.json show it", async ({ page, request }) => {
  const response = await request.post("/api/admin/incidents", {
    headers: { ...headers(), "Idempotency-Key": `open-${RUN}` },
    data: OPEN_INCIDENT,
  });
  expect(response.status()).toBe(201);
  const body = await response.json();
  number = body.incident.number;
  expect(body.incident.url).toMatch(new RegExp(`/incidents/${number}$`));

  const retry = await request.post("/api/admin/incidents", {
    headers: { ...headers(), "Idempotency-Key": `open-${RUN}` },
    data: OPEN_INCIDENT,
  });
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect((await retry.json()).incident.number).toBe(number);

  await page.goto(`/?fresh=${Date.now()}`);
  await expect(page.getByText(TITLE)).toBeVisible();
  await expect(productionPill(page)).toHaveAttribute("data-state", "red");
  const open = await summary(request);
  const incident = open.incidents.find((candidate: { name: string }) => candidate.name === TITLE);
  expect(incident).toMatchObject({ status: expect.stringMatching(/investigating|identified/) });
  expect(open.components.find((component: { name: string }) => component.name === "Production").status).toBe("major_outage");
});

test("posts an Update (yellow) and then resolves; the incident leaves the unresolved list", async ({ page, request }) => {
  const update = await request.post(`/api/admin/incidents/${number}/posts`, {
    headers: headers(),
    data: { type: "update", body: "A fix is rolling out.", stateChanges: [{ componentId: "production", state: "yellow" }] },
  });
  expect(update.status()).toBe(201);
  const resolve = await request.post(`/api/admin/incidents/${number}/posts`, { headers: headers(), data: { type: "resolved", body: "Fixed." } });
  expect(resolve.status()).toBe(201);

  await page.goto(`/incidents/${number}?fresh=${Date.now()}`);
  await expect(page.getByText("A fix is rolling out.")).toBeVisible();
  const unresolved = await (await request.get(`/api/v2/incidents/unresolved.json?fresh=${Date.now()}`)).json();
  expect(unresolved.incidents.map((incident: { name: string }) => incident.name)).not.toContain(TITLE);
  const latest = (await summary(request)).incidents.find((candidate: { name: string }) => candidate.name === TITLE);
  expect(latest).toBeUndefined();
});

test("refuses an anonymous publish with 401 and bad input with field messages", async ({ request }) => {
  const anonymous = await request.post("/api/admin/incidents", { data: { title: "x" } });
  expect(anonymous.status()).toBe(401);
  const bad = await request.post("/api/admin/incidents", { headers: headers(), data: { title: "x", componentIds: ["mainframe"], type: "issue", extra: true } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields).toHaveProperty("extra", "Unknown field.");
});

test("the CLI opens and resolves an incident against the server", async ({ baseURL }) => {
  const env = { ...process.env, BEACON_URL: baseURL!, BEACON_TOKEN: e2eApiToken() };
  const title = `CLI incident ${Date.now()}`;
  const opened = await run(
    "node_modules/.bin/tsx",
    ["scripts/beacon.ts", "incident", "open", "--title", title, "--component", "git-push=yellow", "--type", "issue", "--body", "Pushes are slow."],
    { env },
  );
  const match = /^Opened incident #(\d+): (\S+)$/.exec(opened.stdout.trim());
  expect(match).not.toBeNull();
  expect(match![2]).toBe(`${baseURL}/incidents/${match![1]}`);
  const resolved = await run("node_modules/.bin/tsx", ["scripts/beacon.ts", "resolve", match![1]!, "--body", "Pushes are fast again."], { env });
  expect(resolved.stdout.trim()).toBe(`Resolved incident #${match![1]}: ${match![2]}`);

  const refused = await run("node_modules/.bin/tsx", ["scripts/beacon.ts", "post", match![1]!, "--type", "update", "--body", "x"], {
    env: { ...env, BEACON_TOKEN: `bcn_${"x".repeat(43)}` },
  }).catch((error) => error);
  expect(refused.code).toBe(1);
  expect(refused.stderr.trim()).toMatch(/^beacon: 401 unauthorized: /);
  const usage = await run("node_modules/.bin/tsx", ["scripts/beacon.ts", "post", match![1]!, "--type", "panic"], { env }).catch((error) => error);
  expect(usage.code).toBe(2);
  expect(usage.stderr.trim().split("\n")).toHaveLength(1);
});
