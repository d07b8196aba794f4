// The public pages served from a real database (SQLite and PostgreSQL) through the public HTTP
// layer: what customers read, how a publish shows up at once, and that a lost database never
// turns into a green page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { collectSnapshot } from "@/lib/snapshot/collect";
import { clearCurrentSnapshot, setCurrentSnapshot } from "@/lib/snapshot/current";
import { type DemoSite, startDemoSite } from "../support/public-server";
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
  let site: DemoSite;

  beforeAll(async () => {
    site = await startDemoSite(provider);
  });

  afterAll(() => site?.close());

  it("the home page gives the verdict, both systems and the open incident", async () => {
    const home = await site.read("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain('data-overall="yellow"');
    expect(textOf(home.text)).toContain("Partial disruption");
    expect(home.text).toContain('data-system="production"');
    expect(home.text).toContain('data-system="development"');
    expect(textOf(home.text)).toContain("Elevated error rates on the Platform API");
    expect(home.text).not.toMatch(/<script[^>]+src=/);
  });

  it("the 2012 outage page shows red 5h and yellow 8h for both systems", async () => {
    const outage = await site.read("/incidents/386");
    expect(textOf(outage.text)).toContain("Production — red 5h · yellow 8h");
    expect(textOf(outage.text)).toContain("Development — red 5h · yellow 8h");
    expect((await site.read("/incidents/123456")).status).toBe(404);
  });

  it("a publish is visible on the next request", async () => {
    const development = await site.db.component.findUniqueOrThrow({ where: { slug: "development" } });
    expect(textOf((await site.read("/")).text)).not.toContain("Builds are failing to start");
    const now = new Date();
    await site.db.incident.create({
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
    const after = await site.read("/");
    expect(textOf(after.text)).toContain("Builds are failing to start");
    expect(after.text).toContain('data-overall="red"');
    expect(textOf(after.text)).toContain("Major outage");
  });

  it("when the database is lost, says the status is unknown instead of claiming green", async () => {
    setCurrentSnapshot(await collectSnapshot("live"));
    useDb(createDb({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/gone" }));
    const lastKnown = await site.read("/");
    expect(lastKnown.status).toBe(200);
    expect(textOf(lastKnown.text)).toMatch(/Status unknown.*Showing the last known status from .* — live data unavailable/);
    expect(textOf(lastKnown.text)).not.toContain("All systems operational");
    expect(lastKnown.text).not.toContain("data-overall=");

    clearCurrentSnapshot();
    invalidatePublicViews();
    const nothingKnown = await site.read("/");
    expect(nothingKnown.status).toBe(503);
    expect(textOf(nothingKnown.text)).toContain("Status unknown");
    expect(textOf(nothingKnown.text)).not.toContain("All systems operational");
    useDb(site.db);
  });
});
