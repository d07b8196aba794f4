// Fault test: the database goes away while Beacon serves (PostgreSQL stopped; the SQLite file made
// unreadable), and Beacon is restarted during the outage. Readers keep getting answers — the pages
// with the "last known status" notice, feeds and APIs from the snapshot with a header saying so —
// never a green guess; publishing fails with a clear 503; when the database is back, live data
// returns without restarting Beacon. Loopback only; every wait is bounded.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPgCluster, type PgCluster } from "../../scripts/support/pg-cluster";
import { startBeacon, type BeaconProcess } from "../../scripts/support/beacon-process";
import { createWriteToken, openDatabase, seedDatabase } from "../../scripts/support/seed";

const LIVE_AGAIN_WITHIN_MS = 30_000;
/**
 * Data read before the outage is kept 15 s (lib/public/cache.ts), answers made from it 5 s, served
 * at most 3 s (the render deadline) past that while the next is made: the switch comes within 23 s.
 */
const SWITCH_WITHIN_MS = 30_000;
const PAGES = ["/", "/incidents/386", "/history"];
const PAYLOADS = [
  "/history.rss",
  "/history.atom",
  "/history.json",
  "/api/v2/summary.json",
  "/api/v2/incidents/unresolved.json",
  "/api/v3/current-status",
  "/api/v4/current-status",
];

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = LIVE_AGAIN_WITHIN_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

interface Answer {
  status: number;
  source: string | null;
  body: string;
}

async function read(server: BeaconProcess, pathname: string): Promise<Answer> {
  const response = await fetch(`${server.url}${pathname}`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, source: response.headers.get("beacon-data-source"), body: await response.text() };
}

/** What every reader must see while the database is gone. */
async function expectLastKnownEverywhere(server: BeaconProcess, { pagesFromSnapshot }: { pagesFromSnapshot: boolean }) {
  for (const pathname of PAGES) {
    const page = await read(server, pathname);
    expect(page.status, pathname).toBe(200);
    // Booleans, so a failure prints the path rather than 80 KB of HTML.
    expect(page.body.includes("Showing the last known status from") && page.body.includes("live data unavailable"), `${pathname} has the notice`).toBe(true);
    expect(page.body.includes("data-overall="), `${pathname} shows a verdict`).toBe(false);
    if (pagesFromSnapshot) expect(page.source, pathname).toBe("snapshot");
  }
  for (const pathname of PAYLOADS) {
    const answer = await read(server, pathname);
    expect(answer.status, pathname).toBe(200);
    expect(answer.source, pathname).toBe("snapshot");
    expect(answer.body.length, pathname).toBeGreaterThan(50);
  }
  const summary = JSON.parse((await read(server, "/api/v2/summary.json")).body) as { status: { indicator: string } };
  // The demo's open incident keeps the last known indicator "minor": the snapshot is the truth as last read.
  expect(summary.status.indicator).toBe("minor");
  const badge = await read(server, "/badge.svg");
  expect(badge.status).toBe(503);
  expect(badge.body).toContain("unknown");
}

async function expectLive(server: BeaconProcess) {
  await until("live data on /", async () => {
    const home = await read(server, "/");
    return home.status === 200 && home.source === null && home.body.includes('data-overall="yellow"');
  });
  await until("live data in the APIs", async () => (await read(server, "/api/v2/summary.json")).source === null);
}

async function publishFails(server: BeaconProcess, token: string) {
  const response = await fetch(`${server.url}/api/admin/incidents`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: "Published during the outage", componentIds: ["production"], type: "investigating", body: "Looking into it." }),
    signal: AbortSignal.timeout(20_000),
  });
  // Never a silent success or a 500: a clear "the database is unavailable".
  expect(response.status).toBe(503);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(10);
}

const snapshotWritten = (dataDir: string) => until("the first snapshot", async () => existsSync(path.join(dataDir, "snapshot", "manifest.json")), 60_000);

describe("the database stops while Beacon serves", () => {
  const dirs: string[] = [];
  const servers: BeaconProcess[] = [];
  let cluster: PgCluster | undefined;

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    await cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("PostgreSQL stopped: readers get the last known status; a restart during the outage still serves; live data returns by itself", async () => {
    cluster = await startPgCluster();
    const dataDir = mkdtempSync(path.join(tmpdir(), "beacon-fault-pg-"));
    dirs.push(dataDir);
    await seedDatabase({ databaseUrl: cluster.url, dataDir });
    const db = openDatabase(cluster.url);
    const token = await createWriteToken(db);
    await db.$disconnect();

    let server = await startBeacon({ databaseUrl: cluster.url, dataDir });
    servers.push(server);
    await snapshotWritten(dataDir);
    await expectLive(server);

    await cluster.pause();
    // Data read just before the outage is still the truth (nothing can be published meanwhile), so
    // each kept answer may be served a few seconds more; then the notice must appear everywhere.
    for (const pathname of PAGES)
      await until(
        `the notice on ${pathname}`,
        async () => (await read(server, pathname)).body.includes("Showing the last known status from"),
        SWITCH_WITHIN_MS,
      );
    for (const pathname of PAYLOADS)
      await until(`the snapshot in ${pathname}`, async () => (await read(server, pathname)).source === "snapshot", SWITCH_WITHIN_MS);
    await expectLastKnownEverywhere(server, { pagesFromSnapshot: false });
    await publishFails(server, token);

    // Restarted in the middle of the outage (a deploy, a crash): it comes up on the snapshot.
    await server.stop();
    server = await startBeacon({ databaseUrl: cluster.url, dataDir, port: server.port });
    servers.push(server);
    await expectLastKnownEverywhere(server, { pagesFromSnapshot: true });

    await cluster.resume();
    await expectLive(server);
  });

  it("SQLite file unreadable: the same, and the file coming back brings live data back", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "beacon-fault-sqlite-"));
    dirs.push(dataDir);
    const file = path.join(dataDir, "beacon.db");
    const databaseUrl = `file:${file}`;
    await seedDatabase({ databaseUrl, dataDir });

    let server = await startBeacon({ databaseUrl, dataDir });
    servers.push(server);
    await snapshotWritten(dataDir);
    await expectLive(server);
    await server.stop();

    // A directory where the file was: unreadable for every user, root included (chmod is not).
    renameSync(file, `${file}.away`);
    mkdirSync(file);
    server = await startBeacon({ databaseUrl, dataDir, port: server.port });
    servers.push(server);
    await expectLastKnownEverywhere(server, { pagesFromSnapshot: true });

    rmdirSync(file);
    renameSync(`${file}.away`, file);
    await expectLive(server);
  });
});
