// The bad-input sweep against the built server: malformed percent-encoding, odd Host headers,
// oversized bodies and prototype-named query parameters on every public and admin route. Whatever
// the input, the answer is a clear 2xx–4xx, never a 5xx. Odd Host headers go over a raw socket:
// fetch and Playwright refuse to send them.
import { connect } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ENDPOINTS } from "./api/endpoints";
import { signIn } from "./support/admin";
import { e2eApiToken } from "./support/api-token";

const PUBLIC_ROUTES = [
  "/",
  "/history",
  "/incidents/386",
  "/components/production",
  "/components/git-push",
  "/feed",
  "/api/openapi.json",
  ...ENDPOINTS.map(([path]) => path.replace(/\?.*$/, "")),
];
const ADMIN_ROUTES = [
  "/admin",
  "/admin/login",
  "/admin/incidents/386",
  "/admin/incidents/new",
  "/admin/maintenance/new",
  "/admin/components",
  "/admin/templates",
  "/admin/templates/1",
  "/admin/tokens",
  "/admin/users",
  "/admin/webhooks",
  "/admin/webhooks/1",
  "/admin/audit",
  "/admin/settings",
];
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty"];
/** Every query parameter a route reads; each gets a prototype name as its value. */
const KNOWN_PARAMETERS = ["page", "maintenance", "template", "action", "actor", "before", "since", "limit", "saved", "next", "component"];

const MALFORMED = [
  "/api/v3/issues/%ff%fe",
  "/components/%zz/badge.svg",
  "/components/%E0%A4%A/history.atom",
  "/%ff",
  "/incidents/%zz",
  "/history?page=%ff",
  "/admin/%ff",
  "/admin/incidents/1?maintenance=%ff",
  "/admin/incidents/%zz",
  "/api/v2/incidents/%ff.json",
];
const ODD_HOSTS: [name: string, host: string | null][] = [
  ["a@b", "a@b"],
  ["a b", "a b"],
  ["empty", ""],
  ["missing", null],
  ["very long", `${"a".repeat(8_000)}.example.com`],
  ["with a path", "example.com/evil"],
  ["non-numeric port", "example.com:port"],
];
const ODD_HOST_ROUTES = [
  "/",
  "/history",
  "/incidents/386",
  "/history.atom",
  "/api/v2/summary.json",
  "/api/v3/current-status",
  "/badge.svg",
  "/maintenance.ics",
  "/admin/login",
  "/admin",
];

/** Each URL with a prototype name as a parameter name and as the value of every parameter the routes read. */
function prototypeQueries(routes: readonly string[]): string[] {
  return routes.flatMap((route) =>
    PROTOTYPE_NAMES.map((name) => `${route}?${[name, ...KNOWN_PARAMETERS].map((parameter) => `${parameter}=${name}`).join("&")}`),
  );
}

const PROTOTYPE_PATHS = [
  "/incidents/__proto__",
  "/incidents/constructor",
  "/components/__proto__",
  "/components/toString/badge.svg",
  "/components/constructor/history.rss",
  "/api/v3/issues/__proto__",
  "/admin/incidents/__proto__",
  "/admin/incidents/constructor",
  "/admin/templates/toString",
  "/admin/webhooks/hasOwnProperty",
];

/** Paths that answered 5xx (or nothing), with their status. */
async function serverErrors(request: APIRequestContext, paths: readonly string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
    if (response.status() >= 500) failures.push(`${response.status()} ${path}`);
  }
  return failures;
}

/** A GET over a raw socket with exactly this Host header (null: none); resolves to the status code, or 0 when the server answered nothing. */
function rawGet(port: number, path: string, host: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer for ${path} with Host ${JSON.stringify(host?.slice(0, 40))}`)));
    socket.on("connect", () => socket.write(`GET ${path} HTTP/1.1\r\n${host === null ? "" : `Host: ${host}\r\n`}Connection: close\r\n\r\n`));
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
    });
    socket.on("end", () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

test.describe("bad input never gets a 5xx", () => {
  test.describe.configure({ timeout: 180_000 });

  test("malformed percent-encoding on public and admin paths", async ({ request }) => {
    expect(await serverErrors(request, MALFORMED)).toEqual([]);
  });

  test("odd Host headers on pages, feeds and APIs", async ({ baseURL }) => {
    const port = Number(new URL(baseURL!).port);
    const failures: string[] = [];
    for (const route of ODD_HOST_ROUTES) {
      for (const [name, host] of ODD_HOSTS) {
        const status = await rawGet(port, route, host);
        if (status === 0 || status >= 500) failures.push(`${status} ${route} (Host ${name})`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("prototype-named parameters and path segments on every public route", async ({ request }) => {
    expect(await serverErrors(request, [...prototypeQueries(PUBLIC_ROUTES), ...PROTOTYPE_PATHS.filter((path) => !path.startsWith("/admin"))])).toEqual([]);
  });

  test("prototype-named parameters and path segments on every admin route, signed in as an admin", async ({ page }) => {
    await signIn(page, "admin");
    const failures = await serverErrors(page.request, [
      ...prototypeQueries(ADMIN_ROUTES),
      ...PROTOTYPE_PATHS.filter((path) => path.startsWith("/admin")),
      ...MALFORMED.filter((path) => path.startsWith("/admin")),
    ]);
    expect(failures).toEqual([]);
  });

  test("an admin page's maintenance notice ignores __proto__, constructor and toString", async ({ page }) => {
    await signIn(page, "admin");
    for (const value of ["__proto__", "constructor", "toString"]) {
      const response = await page.goto(`/admin/incidents/386?maintenance=${value}`);
      expect(response?.status(), value).toBe(200);
    }
    await page.goto("/admin/incidents/386?maintenance=scheduled");
    await expect(page.getByText("Maintenance scheduled. Customers see it as upcoming.")).toBeVisible();
  });
});

test.describe("admin form posts", () => {
  /** The id of a server action on an admin page (the hidden field React renders in its form). */
  async function actionOf(request: APIRequestContext, path: string): Promise<{ field: string }> {
    const html = await (await request.get(path)).text();
    const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
    expect(field, `a server-action form on ${path}`).toBeTruthy();
    return { field: field! };
  }

  test("a server-action body over 1 MB gets 413, not a 500", async ({ page }) => {
    await signIn(page, "admin");
    const { field } = await actionOf(page.request, "/admin/settings");
    const response = await page.request.post("/admin/settings", {
      multipart: { [field]: "", staleAfterMinutes: "not a number", padding: "x".repeat(2 * 1024 * 1024) },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(response.status()).toBe(413);
  });

  test("a server action from a foreign Origin gets 403, not a 500", async ({ page }) => {
    await signIn(page, "admin");
    const { field } = await actionOf(page.request, "/admin/settings");
    const response = await page.request.post("/admin/settings", {
      headers: { Origin: "https://evil.example" },
      multipart: { [field]: "", staleAfterMinutes: "not a number" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(response.status()).toBe(403);
    // The same post from the admin's own origin gets through (and is refused only by validation: nothing is written).
    const sameSite = await page.request.post("/admin/settings", {
      headers: { Origin: new URL(page.url()).origin },
      multipart: { [field]: "", staleAfterMinutes: "not a number" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(sameSite.status()).toBeLessThan(400);
  });

  test("a 2 MB body to the write API gets 413 with or without a token", async ({ request }) => {
    const body = JSON.stringify({ title: "x", body: "x".repeat(2 * 1024 * 1024) });
    for (const headers of [{ Authorization: `Bearer ${e2eApiToken()}` }, {} as Record<string, string>]) {
      const response = await request.post("/api/admin/incidents", {
        headers: { "Content-Type": "application/json", ...headers },
        data: body,
        failOnStatusCode: false,
      });
      expect(response.status(), JSON.stringify(Object.keys(headers))).toBeLessThan(500);
      if (headers.Authorization) expect(response.status()).toBe(413);
    }
  });

  test("a 2 MB chunked body (no Content-Length) gets 413, and the connection then answers its next request", async ({ baseURL }) => {
    const statuses = await new Promise<number[]>((resolve, reject) => {
      const socket = connect(Number(new URL(baseURL!).port), "127.0.0.1");
      let answer = "";
      socket.setTimeout(30_000, () => socket.destroy(new Error(`no complete answer: ${answer.slice(0, 200)}`)));
      socket.on("connect", () => {
        socket.write(
          `POST /api/admin/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${e2eApiToken()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        const chunk = "x".repeat(64 * 1024);
        for (let sent = 0; sent < 32; sent++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        socket.write("0\r\n\r\n");
        socket.write("GET /api/v2/status.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      });
      socket.on("data", (data: Buffer) => {
        answer += data.toString("latin1");
      });
      socket.on("end", () => resolve([...answer.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]))));
      socket.on("error", reject);
    });
    expect(statuses).toEqual([413, 200]);
  });
});
