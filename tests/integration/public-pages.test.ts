// The public pages served from a real database (SQLite and PostgreSQL) through the public HTTP
// layer: what customers read, how a publish shows up at once, and that a lost database never
// turns into a green page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { collectSnapshot } from "@/lib/snapshot/collect";
import { clearCurrentSnapshot, setCurrentSnapshot } from "@/lib/snapshot/current";
import { type PublicServer, startPublicServer } from "../support/public-server";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };

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
  let database: AppDatabase;
  let server: PublicServer;
  const page = async (pathname: string) => {
    const response = await server.get(pathname);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    database = await openAppDatabase(provider, { demo: true });
    server = await startPublicServer();
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("the home page gives the verdict, both systems and the open incident", async () => {
    const home = await page("/");
    expect(home.status).toBe(200);
    expect(home.html).toContain('data-overall="yellow"');
    expect(textOf(home.html)).toContain("Partial disruption");
    expect(home.html).toContain('data-system="production"');
    expect(home.html).toContain('data-system="development"');
    expect(textOf(home.html)).toContain("Elevated error rates on the Platform API");
    expect(home.html).not.toMatch(/<script[^>]+src=/);
  });

  it("the 2012 outage page shows red 5h and yellow 8h for both systems", async () => {
    const outage = await page("/incidents/386");
    expect(textOf(outage.html)).toContain("Production — red 5h · yellow 8h");
    expect(textOf(outage.html)).toContain("Development — red 5h · yellow 8h");
    expect((await page("/incidents/123456")).status).toBe(404);
  });

  it("a publish is visible on the next request", async () => {
    const development = await database.db.component.findUniqueOrThrow({ where: { slug: "development" } });
    expect(textOf((await page("/")).html)).not.toContain("Builds are failing to start");
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
    const after = await page("/");
    expect(textOf(after.html)).toContain("Builds are failing to start");
    expect(after.html).toContain('data-overall="red"');
    expect(textOf(after.html)).toContain("Major outage");
  });

  it("when the database is lost, says the status is unknown instead of claiming green", async () => {
    setCurrentSnapshot(await collectSnapshot("live"));
    useDb(createDb({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/gone" }));
    const lastKnown = await page("/");
    expect(lastKnown.status).toBe(200);
    expect(textOf(lastKnown.html)).toMatch(/Status unknown.*Showing the last known status from .* — live data unavailable/);
    expect(textOf(lastKnown.html)).not.toContain("All systems operational");
    expect(lastKnown.html).not.toContain("data-overall=");

    clearCurrentSnapshot();
    invalidatePublicViews();
    const nothingKnown = await page("/");
    expect(nothingKnown.status).toBe(503);
    expect(textOf(nothingKnown.html)).toContain("Status unknown");
    expect(textOf(nothingKnown.html)).not.toContain("All systems operational");
    useDb(database.db);
  });
});
