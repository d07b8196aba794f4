// Private pages (lib/access) on a real SQLite file and a real PostgreSQL, through the public HTTP
// layer as `npm start` chains it: every URL of the endpoint table refuses without access and
// answers with each way in (shared password, mailed link, allowed address, feed token), while
// private nothing is cacheable by a shared cache and nothing indexable; back to public caching
// when public again; the snapshot during an outage stays behind the gate; the export refuses.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAccess } from "@/lib/access/admin";
import { forgetAccessCopy } from "@/lib/access/config";
import { exportRefusal } from "@/lib/access/export";
import type { Actor } from "@/lib/auth/roles";
import { createDb, type Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { OPEN_WHILE_PRIVATE } from "@/lib/public/access-pages";
import { PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { unsubscribeUrl } from "@/lib/subscriptions/links";
import { collectSnapshot } from "@/lib/snapshot/collect";
import { clearCurrentSnapshot, setCurrentSnapshot } from "@/lib/snapshot/current";
import type { AccessFormInput } from "@/lib/validation/access";
import { type SiteServer, startSiteServer } from "../support/site-server";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };
const ADMIN: Actor = { userId: null, label: "test-admin", role: "admin", ip: "" };
const PASSWORD = "correct horse battery";
const dataDir = mkdtempSync(path.join(tmpdir(), "beacon-private-"));
const mailDir = path.join(dataDir, "mail");
const ENV = { BEACON_DATA_DIR: dataDir, SESSION_SECRET: "p".repeat(40), BEACON_SMTP_URL: `file:${mailDir}`, BEACON_MAIL_FROM: "Status <status@example.com>" };
const SETTINGS: AccessFormInput = {
  private: true,
  password: PASSWORD,
  removePassword: false,
  emailDomains: ["example.com"],
  ipRanges: ["203.0.113.0/24"],
  rotateFeedTokens: false,
};

function sampleAddresses(slug: string, number: number): { path: string; kind: "page" | "payload" }[] {
  return PUBLIC_ENDPOINTS.filter((endpoint) => !OPEN_WHILE_PRIVATE.has(endpoint.path)).map((endpoint) => ({
    path: endpoint.path.replace(":slug", slug).replace(/:(number|id)/, String(number)),
    kind: endpoint.kind,
  }));
}

/** The link in the newest mail of the file transport (quoted-printable undone). */
function mailedLink(): string {
  const files = readdirSync(mailDir)
    .filter((name) => name.endsWith(".eml"))
    .sort();
  const raw = readFileSync(path.join(mailDir, files.at(-1)!), "utf8")
    .replace(/=\r?\n/g, "")
    .replace(/=3D/g, "=");
  return /https?:\/\/\S+\/access\?link=[\w-]+&return=\S+/.exec(raw)![0];
}

describe.each(providers)("private pages on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: SiteServer;
  let slug: string;
  let number: number;
  const saved: Record<string, string | undefined> = {};

  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${server.base}${pathname}`, { headers, redirect: "manual" });
  const post = (pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${pathname}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      redirect: "manual",
    });
  const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
  const signIn = async () => cookieOf(await post("/access", { password: PASSWORD, return: "/history" }));
  const change = async (input: Partial<AccessFormInput>) => updateAccess(database.db, ADMIN, { ...SETTINGS, password: "", ...input });
  /** Private with the usual ways in, whatever an earlier test left (or none ran, with -t). */
  const privateSite = async () => {
    await change({}).catch((error: Error) => {
      if (!/Nothing changed/.test(error.message)) throw error;
    });
    expect((await get("/history")).status, "the site is private").toBe(303);
  };

  beforeAll(async () => {
    for (const [name, value] of Object.entries(ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    database = await openTestDatabase(provider);
    await seedDemo(database.db, { now: new Date() });
    globals.beaconDb = database.db;
    forgetAccessCopy();
    invalidatePublicViews();
    slug = (await database.db.component.findFirstOrThrow({ where: { hidden: false } })).slug;
    number = (await database.db.incident.findFirstOrThrow({ where: { deletedAt: null, posts: { some: {} } }, orderBy: { number: "asc" } })).number;
    server = await startSiteServer();
  });

  afterAll(async () => {
    await server?.close();
    clearCurrentSnapshot();
    globals.beaconDb = undefined;
    forgetAccessCopy();
    await database?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("refuses to go private with no way in, and the site stays public", async () => {
    await expect(updateAccess(database.db, ADMIN, { ...SETTINGS, password: "", emailDomains: [], ipRanges: [] })).rejects.toThrow(/nobody could get in/);
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("cache-control")).toMatch(/^public/);
    expect(await exportRefusal(database.db, false)).toBeNull();
  });

  it("refuses every URL of the endpoint table without access, and answers each with a reader cookie", async () => {
    await get("/badge.svg"); // a public answer kept in the cache before the switch
    await updateAccess(database.db, ADMIN, SETTINGS);
    const cookie = await signIn();
    expect(cookie).toMatch(/^beacon_reader=/);
    for (const { path: address, kind } of sampleAddresses(slug, number)) {
      const refused = await get(address);
      expect(refused.status, address).toBe(kind === "page" ? 303 : 401);
      expect(refused.headers.get("cache-control"), address).toBe("private, no-store");
      const back = address === "/" ? "/access" : `/access?return=${encodeURIComponent(address)}`;
      if (kind === "page") expect(refused.headers.get("location"), address).toBe(back);
      const allowed = await get(address, { cookie });
      expect([303, 401], address).not.toContain(allowed.status);
      expect(allowed.headers.get("cache-control"), address).toBe("private, no-store");
      expect(allowed.headers.get("x-robots-tag"), address).toBe("noindex, nofollow");
      expect(allowed.headers.get("vary"), address).toMatch(/Cookie/);
      if (kind === "page" && allowed.status === 200) expect(await allowed.text(), address).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(await (await get("/robots.txt")).text()).toContain("Disallow: /\n");
    const access = await get("/access?return=/history");
    expect(access.status).toBe(200);
    expect(await access.text()).toContain('name="password"');
  });

  it("lets an allowed address in and no other", async () => {
    expect((await get("/", { "x-test-peer": "203.0.113.77" })).status).toBe(200);
    expect((await get("/api/v2/summary.json", { "x-test-peer": "203.0.113.77" })).status).toBe(200);
    expect((await get("/", { "x-test-peer": "198.51.100.1" })).status).toBe(303);
  });

  it("refuses a wrong password and ends every session when the password changes", async () => {
    const wrong = await post("/access", { password: "not the password", return: "/" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.text()).toContain("That password is not right.");
    const cookie = await signIn();
    expect((await get("/", { cookie })).status).toBe(200);
    await change({ password: "a brand new password" });
    expect((await get("/", { cookie })).status).toBe(303);
    await change({ password: PASSWORD });
  });

  it("gives machine URLs to a feed token, in the URL or as a Bearer token, until feed tokens are rotated", async () => {
    const cookie = await signIn();
    expect((await post("/access/feed-token", {})).status).toBe(401);
    const page = await (await post("/access/feed-token", {}, { cookie })).text();
    const token = /\?token=([\w.-]+)/.exec(page)![1]!;
    expect((await get(`/history.atom?token=${token}`)).status).toBe(200);
    expect((await get("/api/v2/status.json", { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get(`/?token=${token}`)).status).toBe(303);
    expect((await get(`/history.atom?token=${token}x`)).status).toBe(401);
    await change({ rotateFeedTokens: true });
    expect((await get(`/history.atom?token=${token}`)).status).toBe(401);
  });

  it("mails a single-use link to an allowed domain and answers the same for any address", async () => {
    const mails = () => (existsSync(mailDir) ? readdirSync(mailDir).length : 0);
    const before = mails();
    const stranger = await post("/access/mail", { email: "eve@elsewhere.example", return: "/history" });
    expect(mails()).toBe(before);
    const allowed = await post("/access/mail", { email: "ann@example.com", return: "/history" });
    expect(mails()).toBe(before + 1);
    expect(allowed.status).toBe(303);
    expect(allowed.headers.get("location")).toBe(stranger.headers.get("location"));
    const link = new URL(mailedLink());
    const landing = await get(`${link.pathname}${link.search}`);
    expect(await landing.text()).toContain('action="/access/link?lang=en"');
    const fields = { token: link.searchParams.get("link")!, return: link.searchParams.get("return")! };
    const used = await post("/access/link", fields);
    expect(used.status).toBe(303);
    expect(used.headers.get("location")).toBe("/history");
    expect((await get("/history", { cookie: cookieOf(used) })).status).toBe(200);
    expect((await post("/access/link", fields)).status).toBe(410);
  });

  it("keeps the subscription forms behind the gate", async () => {
    const refused = await post("/subscribe", { email: "ann@example.com", scope: "all" });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/access?return=%2Fsubscribe");
  });

  it("lets a mail client's one-click unsubscribe through without a reader's cookie (the signed link is the authority)", async () => {
    const subscriber = await database.db.subscriber.create({
      data: {
        email: "leaving@example.com",
        emailNormalized: "leaving@example.com",
        status: "confirmed",
        allComponents: true,
        consentedAt: new Date(),
        consentIp: "",
      },
    });
    await privateSite();
    const link = new URL(unsubscribeUrl(subscriber));
    const forged = await post(`/unsubscribe?token=${link.searchParams.get("token")}x`, { "List-Unsubscribe": "One-Click" });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const done = await post(`${link.pathname}${link.search}`, { "List-Unsubscribe": "One-Click" });
    expect(done.status).toBe(200);
    expect((await database.db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe("unsubscribed");
  });

  it("serves the brand's images to the sign-in page without access", async () => {
    await privateSite();
    for (const image of ["/brand/logo", "/brand/favicon"]) expect([303, 401]).not.toContain((await get(image)).status);
  });

  it("keeps the snapshot behind the gate while the database is unreachable", async () => {
    const cookie = await signIn();
    setCurrentSnapshot(await collectSnapshot("site"));
    globals.beaconDb = createDb({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/gone" });
    forgetAccessCopy();
    invalidatePublicViews();
    try {
      expect((await get("/")).status).toBe(303);
      expect((await get("/api/v2/summary.json")).status).toBe(401);
      const fromSnapshot = await get("/api/v2/summary.json", { cookie });
      expect(fromSnapshot.status).toBe(200);
      expect(fromSnapshot.headers.get("beacon-data-source")).toBe("snapshot");
      expect(fromSnapshot.headers.get("cache-control")).toBe("private, no-store");
    } finally {
      globals.beaconDb = database.db;
      clearCurrentSnapshot();
      forgetAccessCopy();
      invalidatePublicViews();
    }
  });

  it("refuses the export while private unless asked explicitly", async () => {
    expect(await exportRefusal(database.db, false)).toMatch(/--include-private/);
    expect(await exportRefusal(database.db, true)).toBeNull();
  });

  it("switching public and private again leaves no public copy of a private moment", async () => {
    const cookie = await signIn();
    expect((await get("/", { cookie })).headers.get("cache-control")).toBe("private, no-store");
    await change({ private: false });
    const open = await get("/");
    expect(open.status).toBe(200);
    expect(open.headers.get("cache-control")).toMatch(/^public/);
    expect(open.headers.get("x-robots-tag")).toBeNull();
    expect(await open.text()).not.toContain('name="robots"');
    expect(await (await get("/robots.txt")).text()).toContain("Allow: /");
    await change({ private: true });
    for (const address of ["/", "/api/v2/summary.json", "/badge.svg"]) {
      expect([303, 401]).toContain((await get(address)).status);
      expect((await get(address, { cookie: await signIn() })).headers.get("cache-control")).toBe("private, no-store");
    }
    await change({ private: false });
  });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
