// `beacon import` round trips on SQLite and PostgreSQL: a Beacon with the demo data serves its own
// Statuspage and Heroku APIs (the public HTTP layer on 127.0.0.1), and an EMPTY Beacon imports
// them. The same incidents, posts (types, texts, times) and durations (the timeline core on both
// sides) come out; a second run changes nothing; a dry run writes nothing; saved JSON works.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { loadComponents, loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { runImport } from "@/lib/import/cli";
import { publishPost } from "@/lib/incidents/publish";
import { clearCurrentSnapshot } from "@/lib/snapshot/current";
import { incidentDurations } from "@/lib/timeline";
import { type PublicServer, startPublicServer } from "../support/public-server";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };
type Database = Awaited<ReturnType<typeof openTestDatabase>>;
const commander = { userId: null, label: "test", role: "commander" as const, ip: "" };

/** What a reader sees of these incidents: titles, posts, and each component's time per state. */
async function historyOf(db: Db, numbers: readonly number[], now: Date, options: { systemsOnly?: boolean; herokuTypes?: boolean } = {}) {
  const components = await loadComponents(db);
  const nameOf = new Map(components.map((component) => [component.id, component.name]));
  const systems = new Set(components.filter((component) => component.parentId === null).map((component) => component.id));
  const incidents = [];
  for (const number of numbers) {
    const incident = (await loadIncidentByNumber(db, number))!;
    const posts = await db.post.findMany({
      where: { incidentId: incident.id, deletedAt: null },
      orderBy: [{ postedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
    const durations = incidentDurations(incident, components, now)
      .filter((row) => !options.systemsOnly || systems.has(row.componentId))
      .map((row) => [nameOf.get(row.componentId), row.durations]);
    incidents.push({
      number,
      title: (await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).title,
      kind: incident.kind,
      window: [incident.scheduledStartAt?.toISOString() ?? null, incident.scheduledEndAt?.toISOString() ?? null],
      // Heroku's formats call Investigating "issue".
      posts: posts.map((post) => [options.herokuTypes && post.type === "investigating" ? "issue" : post.type, post.body, post.postedAt.toISOString()]),
      durations: durations.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    });
  }
  return incidents;
}

async function counts(db: Db) {
  return {
    components: await db.component.count(),
    incidents: await db.incident.count(),
    posts: await db.post.count(),
    stateChanges: await db.componentStateChange.count(),
    postmortems: await db.postmortem.count(),
  };
}

async function listed(server: PublicServer, pathname: string, key?: string): Promise<{ id: string | number }[]> {
  const body = await (await server.get(pathname)).json();
  return key ? body[key] : body;
}

describe.each(providers)("beacon import on $name", (provider) => {
  let source: Database;
  let server: PublicServer;
  const targets: Database[] = [];
  const now = new Date();
  const emptyBeacon = async () => {
    const target = await openTestDatabase(provider);
    targets.push(target);
    return target.db;
  };

  beforeAll(async () => {
    source = await openTestDatabase(provider);
    await seedDemo(source.db, { now });
    clearCurrentSnapshot();
    globals.beaconDb = source.db;
    invalidatePublicViews();
    server = await startPublicServer();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    globals.beaconDb = undefined;
    for (const target of targets) await target.close();
    await source?.close();
  });

  it("from Statuspage: a dry run writes nothing; the import brings the same incidents, posts and durations; a second run changes nothing", async () => {
    const target = await emptyBeacon();
    // A subscriber's webhook exists: imported history must not notify it.
    await target.webhookEndpoint.create({ data: { name: "hook", url: "http://127.0.0.1:9/hook", secret: "s", componentIds: [], events: [] } });
    const argv = ["import", "--from", "statuspage", server.base, "--create-components"];

    const dry = await runImport(target, [...argv, "--dry-run"], now);
    expect(dry[0]).toBe("dry run: nothing written");
    expect(dry[1]).toMatch(/^\d+ new incidents, \d+ posts, \d+ new components from http:\/\/127\.0\.0\.1:\d+ \(0 incidents already imported and unchanged\)$/);
    expect(await counts(target)).toEqual({ components: 0, incidents: 0, posts: 0, stateChanges: 0, postmortems: 0 });

    const lines = await runImport(target, argv, now);
    const numbers = [
      ...(await listed(server, "/api/v2/incidents.json", "incidents")),
      ...(await listed(server, "/api/v2/scheduled-maintenances.json", "scheduled_maintenances")),
    ].map((row) => Number(row.id));
    expect(numbers.length).toBeGreaterThan(10);
    expect(lines[0]).toContain(`imported ${numbers.length} new incidents`);
    const imported = await historyOf(target, numbers, now);
    expect(imported).toEqual(await historyOf(source.db, numbers, now));
    expect(imported.some((incident) => incident.kind === "maintenance")).toBe(true);
    expect(imported.some((incident) => incident.durations.some(([, durations]) => (durations as { red: number }).red > 0))).toBe(true);
    const postmortems = { incident: { number: { in: numbers } }, state: "published" as const };
    expect(await target.postmortem.count({ where: postmortems })).toBe(await source.db.postmortem.count({ where: postmortems }));
    expect(await target.postmortem.count()).toBeGreaterThan(0);
    expect(await target.webhookDelivery.count()).toBe(0);
    expect(await target.auditEvent.count({ where: { action: "import.incident", actorLabel: `import:${server.base}` } })).toBe(numbers.length);

    const before = await counts(target);
    const again = await runImport(target, argv, now);
    expect(again[0]).toContain(`imported 0 new incidents, 0 posts, 0 new components`);
    expect(await counts(target)).toEqual(before);
  }, 180_000);

  it("a run after the source added an update imports only that update", async () => {
    const target = await emptyBeacon();
    const argv = ["import", "--from", "statuspage", server.base, "--create-components"];
    await runImport(target, argv, now);
    const open = await source.db.incident.findFirstOrThrow({ where: { kind: "incident", resolvedAt: null, deletedAt: null }, orderBy: { number: "desc" } });
    const later = new Date();
    const published = await publishPost(
      source.db,
      commander,
      { incidentNumber: open.number, type: "update", body: "A fix is rolling out.", stateChanges: [] },
      { now: later },
    );
    expect(published.status).toBe("published");
    const before = await counts(target);

    const lines = await runImport(target, argv, later);
    expect(lines[0]).toContain("imported 0 new incidents, 1 posts");
    expect(await counts(target)).toEqual({ ...before, posts: before.posts + 1 });
    expect(await historyOf(target, [open.number], later)).toEqual(await historyOf(source.db, [open.number], later));
  }, 180_000);

  it("from saved Statuspage answers (--file), the same as from the URL", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beacon-import-"));
    try {
      const files = [];
      for (const name of ["components.json", "incidents.json", "scheduled-maintenances.json"]) {
        const file = path.join(dir, name);
        writeFileSync(file, await (await server.get(`/api/v2/${name}`)).text());
        files.push("--file", file);
      }
      const fromFiles = await emptyBeacon();
      const fromUrl = await emptyBeacon();
      await runImport(fromFiles, ["import", "--from", "statuspage", ...files, "--create-components"], now);
      await runImport(fromUrl, ["import", "--from", "statuspage", server.base, "--create-components"], now);
      const numbers = (await fromUrl.incident.findMany({ select: { number: true } })).map((row) => row.number);
      expect(await counts(fromFiles)).toEqual(await counts(fromUrl));
      expect(await historyOf(fromFiles, numbers, now)).toEqual(await historyOf(fromUrl, numbers, now));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("without --create-components into an empty Beacon: incidents come, states are left out and reported", async () => {
    const target = await emptyBeacon();
    const lines = await runImport(target, ["import", "--from", "statuspage", server.base], now);
    expect(lines).toContain("not imported or changed on the way:");
    expect(lines).toContain('  component "Production" not found (create it with --create-components or name its slug with --map); its states are left out');
    expect(await target.component.count()).toBe(0);
    expect(await target.componentStateChange.count()).toBe(0);
    expect(await target.incident.count()).toBeGreaterThan(10);
  }, 180_000);

  it("from Heroku v4 (+ v3 for the colours): the same incidents, posts and system durations; a second run changes nothing", async () => {
    const target = await emptyBeacon();
    const argv = ["import", "--from", "heroku", server.base, "--create-components"];
    await runImport(target, argv, now);
    const v4 = (await listed(server, "/api/v4/incidents?limit=200")) as { id: number; state: string }[];
    const incidents = v4.filter((row) => !["upcoming", "in_progress", "completed"].includes(row.state)).map((row) => row.id);
    expect(incidents.length).toBeGreaterThan(10);
    expect(await target.incident.count()).toBe(incidents.length);
    const imported = await historyOf(target, incidents, now, { systemsOnly: true, herokuTypes: true });
    expect(imported).toEqual(await historyOf(source.db, incidents, now, { systemsOnly: true, herokuTypes: true }));
    expect(imported.some((incident) => incident.durations.length > 0)).toBe(true);

    const before = await counts(target);
    await runImport(target, argv, now);
    expect(await counts(target)).toEqual(before);
  }, 180_000);

  it("refuses what is not an http(s) source, and a source that does not answer", async () => {
    const target = await emptyBeacon();
    await expect(runImport(target, ["import", "--from", "statuspage", "file:///etc/passwd"], now)).rejects.toThrow(
      "only http and https sources can be imported",
    );
    await expect(runImport(target, ["import", "--from", "statuspage", `${server.base}/nothing-here`], now)).rejects.toThrow(/answered 404/);
  });
});
