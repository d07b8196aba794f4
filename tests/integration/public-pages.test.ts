// The public pages rendered from a real database (SQLite and PostgreSQL): what customers read,
// how a publish shows up at once, and that a lost database never turns into a green page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/public/cache";
import { homePage, incidentPage } from "@/lib/public/pages";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db; beaconLastGood?: Map<string, unknown> };

/** The page's text as a reader sees it (tags removed), so failures print something readable. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

function useDb(db: Db) {
  globals.beaconDb = db;
  invalidatePublicViews();
}

describe.each(providers)("public pages on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase(provider);
    await seedDemo(database.db, { now: new Date() });
    globals.beaconLastGood?.clear();
    useDb(database.db);
  });

  afterAll(async () => {
    globals.beaconDb = undefined;
    await database?.close();
  });

  it("the home page gives the verdict, both systems and the open incident", async () => {
    const page = await homePage(new Date());
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-overall="yellow"');
    expect(textOf(page.html)).toContain("Partial disruption");
    expect(page.html).toContain('data-system="production"');
    expect(page.html).toContain('data-system="development"');
    expect(textOf(page.html)).toContain("Elevated error rates on the Platform API");
    expect(page.html).not.toMatch(/<script[^>]+src=/);
  });

  it("the 2012 outage page shows red 5h and yellow 8h for both systems", async () => {
    const page = await incidentPage(386, new Date());
    expect(textOf(page.html)).toContain("Production — red 5h · yellow 8h");
    expect(textOf(page.html)).toContain("Development — red 5h · yellow 8h");
    expect((await incidentPage(123456, new Date())).status).toBe(404);
  });

  it("a publish is visible on the next request", async () => {
    const development = await database.db.component.findUniqueOrThrow({ where: { slug: "development" } });
    const before = await homePage(new Date());
    expect(textOf(before.html)).not.toContain("Builds are failing to start");
    const now = new Date();
    await database.db.incident.create({
      data: {
        number: 77777,
        title: "Builds are failing to start",
        openedAt: now,
        components: { create: [{ componentId: development.id }] },
        posts: {
          create: [{ type: "issue", body: "Builds fail.", postedAt: now, stateChanges: { create: [{ componentId: development.id, state: "red" }] } }],
        },
      },
    });
    invalidatePublicViews();
    const after = await homePage(new Date());
    expect(textOf(after.html)).toContain("Builds are failing to start");
    expect(after.html).toContain('data-overall="red"');
    expect(textOf(after.html)).toContain("Major outage");
  });

  it("when the database is lost, says the status is unknown instead of claiming green", async () => {
    await homePage(new Date());
    useDb(createDb({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/gone" }));
    const stale = await homePage(new Date());
    expect(stale.stale).toBe(true);
    expect(textOf(stale.html)).toMatch(/Status unknown.*Showing the last known status from .* — live data unavailable/);
    expect(textOf(stale.html)).not.toContain("All systems operational");
    expect(stale.html).not.toContain("data-overall=");

    globals.beaconLastGood?.clear();
    const nothingKnown = await homePage(new Date());
    expect(nothingKnown.status).toBe(503);
    expect(textOf(nothingKnown.html)).toContain("Status unknown");
    expect(textOf(nothingKnown.html)).not.toContain("All systems operational");
    useDb(database.db);
  });
});
