// The snapshot of the public site (lib/snapshot) on a real SQLite file and a real PostgreSQL:
// built only from live data, written and read back, and served by the public HTTP layer with a
// notice (pages) or a header (feeds, APIs) when the database is unreachable — never a green guess.
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { handlePublicRequest } from "@/lib/public/server";
import { collectSnapshot, SnapshotNotLive } from "@/lib/snapshot/collect";
import { clearCurrentSnapshot, setCurrentSnapshot } from "@/lib/snapshot/current";
import { readSnapshot, removeTemporaryFiles, writeSnapshot } from "@/lib/snapshot/files";
import { startSnapshotWriter } from "@/lib/snapshot/writer";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db; beaconLastGood?: Map<string, unknown> };

function useDb(db: Db) {
  globals.beaconDb = db;
  invalidatePublicViews();
}

/** As after a restart: nothing read into memory yet, so only the snapshot knows the last status. */
function forgetLastRead() {
  globals.beaconLastGood?.clear();
}

const unreachable = () => createDb({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/gone" });

describe.each(providers)("the public snapshot on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: Server;
  let base: string;
  const dir = mkdtempSync(path.join(tmpdir(), "beacon-snapshot-"));

  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${base}${pathname}`, { headers });

  beforeAll(async () => {
    database = await openTestDatabase(provider);
    await seedDemo(database.db, { now: new Date() });
    forgetLastRead();
    clearCurrentSnapshot();
    useDb(database.db);
    server = createHttpServer((request, response) => {
      void Promise.resolve(handlePublicRequest(request, response)).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    clearCurrentSnapshot();
    globals.beaconDb = undefined;
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("holds the pages, feeds and API payloads people read during an outage, byte for byte as served", async () => {
    const snapshot = await collectSnapshot("live");
    const paths = snapshot.entries.map((entry) => entry.path);
    for (const expected of [
      "/",
      "/history",
      "/incidents/386",
      "/components/production",
      "/history.rss",
      "/history.atom",
      "/history.json",
      "/api/v2/summary.json",
      "/api/v2/status.json",
      "/api/v2/incidents/unresolved.json",
      "/api/v3/current-status",
      "/api/v4/current-status",
      "/badge.svg",
      "/maintenance.ics",
    ]) {
      expect(paths).toContain(expected);
    }
    const summary = snapshot.entries.find((entry) => entry.path === "/api/v2/summary.json")!;
    const served = await get("/api/v2/summary.json");
    expect(summary.body.toString()).toBe(await served.text());
    expect(summary.file).toBe("api/v2/summary.json");
    expect(snapshot.entries.find((entry) => entry.path === "/api/v3/current-status")!.file).toBe("api/v3/current-status/index.json");
    const home = snapshot.entries.find((entry) => entry.path === "/")!;
    expect(home.file).toBe("index.html");
    expect(home.body.toString()).toContain('data-overall="yellow"');
    expect(home.lastKnown!.toString()).toContain("Showing the last known status from");
    expect(home.lastKnown!.toString()).not.toContain("data-overall=");
  });

  it("is written to disk and read back unchanged; a second write leaves unchanged files alone", async () => {
    const snapshot = await collectSnapshot("live");
    const first = await writeSnapshot(dir, snapshot);
    expect(first.written).toBeGreaterThan(snapshot.entries.length);
    expect(readFileSync(path.join(dir, "api/v2/status.json"), "utf8")).toBe(
      snapshot.entries.find((entry) => entry.path === "/api/v2/status.json")!.body.toString(),
    );
    const again = await writeSnapshot(dir, snapshot);
    expect(again.written).toBe(0);
    // A writer killed between write and rename leaves a temporary file; the next start removes it.
    writeFileSync(path.join(dir, "api/v2/status.json.tmp-4242"), "{");
    expect(removeTemporaryFiles(dir)).toBe(1);
    expect(existsSync(path.join(dir, "api/v2/status.json.tmp-4242"))).toBe(false);
    const read = readSnapshot(dir)!;
    expect(read.generatedAt.toISOString()).toBe(snapshot.generatedAt.toISOString());
    expect(read.entries.map((entry) => [entry.path, entry.etag, entry.body.length])).toEqual(
      snapshot.entries.map((entry) => [entry.path, entry.etag, entry.body.length]),
    );
  });

  it("after a restart, keeps the snapshot it found for a moment (a publish ends the wait); with none, writes at once", async () => {
    const found = readSnapshot(dir)!.generatedAt.getTime();
    const quiet = { log: () => {}, periodMs: 3_600_000, firstWriteAfterMs: 60_000 };
    const restarted = startSnapshotWriter(dir, quiet);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(readSnapshot(dir)!.generatedAt.getTime()).toBe(found);
      invalidatePublicViews(); // a publish: the next write comes after its short delay, not after the minute
      const started = Date.now();
      await restarted.settled();
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(readSnapshot(dir)!.generatedAt.getTime()).toBeGreaterThan(found);
    } finally {
      restarted.stop();
    }

    const empty = mkdtempSync(path.join(tmpdir(), "beacon-snapshot-first-"));
    const first = startSnapshotWriter(empty, quiet);
    try {
      await first.settled();
      expect(readSnapshot(empty)?.entries.length).toBeGreaterThan(10);
    } finally {
      first.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("is never built from data that is not live, and the previous snapshot stays", async () => {
    const before = readFileSync(path.join(dir, "manifest.json"), "utf8");
    useDb(unreachable());
    await expect(collectSnapshot("live")).rejects.toBeInstanceOf(SnapshotNotLive);
    expect(readFileSync(path.join(dir, "manifest.json"), "utf8")).toBe(before);
    useDb(database.db);
  });

  it("with the database unreachable, pages, feeds and APIs answer 200 from the snapshot and say so; badges stay unknown", async () => {
    const snapshot = readSnapshot(dir)!;
    setCurrentSnapshot(snapshot);
    useDb(unreachable());
    forgetLastRead();

    const home = await get("/", { "Accept-Encoding": "gzip" });
    expect(home.status).toBe(200);
    expect(home.headers.get("beacon-data-source")).toBe("snapshot");
    expect(home.headers.get("beacon-snapshot-time")).toBe(snapshot.generatedAt.toISOString());
    const html = await home.text();
    expect(html).toContain("Showing the last known status from");
    expect(html).toContain("live data unavailable");
    expect(html).not.toContain("data-overall=");
    expect(html).toContain("Elevated error rates on the Platform API");

    const incident = await get("/incidents/386/");
    expect(incident.status).toBe(200);
    expect(await incident.text()).toContain("Showing the last known status from");

    for (const [pathname, type] of [
      ["/history.atom", "atom"],
      ["/api/v2/summary.json", "json"],
      ["/api/v4/current-status", "json"],
    ] as const) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get("beacon-data-source"), pathname).toBe("snapshot");
      expect(response.headers.get("content-type"), pathname).toContain(type);
      expect(response.headers.get("access-control-allow-origin"), pathname).toBe("*");
      const entry = snapshot.entries.find((candidate) => candidate.path === pathname)!;
      expect(await response.text(), pathname).toBe(entry.body.toString());
      const conditional = await get(pathname, { "If-None-Match": response.headers.get("etag")! });
      expect(conditional.status, pathname).toBe(304);
    }

    const badge = await get("/badge.svg");
    expect(badge.status).toBe(503);
    expect(await badge.text()).toContain("unknown");
    // Not in the snapshot: nothing to show, and nothing guessed.
    const missing = await get("/incidents/987654");
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain("Status unknown");
  });

  it("serves live data again as soon as the database is back", async () => {
    useDb(database.db);
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("beacon-data-source")).toBeNull();
    expect(await home.text()).toContain('data-overall="yellow"');
    const summary = await get("/api/v2/summary.json");
    expect(summary.headers.get("beacon-data-source")).toBeNull();
  });

  it.runIf(provider.name === "PostgreSQL")("answers from the snapshot within seconds when the database hangs instead of refusing", async () => {
    // A server that accepts connections and never answers: the worst kind of outage.
    const sockets: import("node:net").Socket[] = [];
    const silent: TcpServer = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    setCurrentSnapshot(readSnapshot(dir)!);
    useDb(createDb({ provider: "postgresql", url: `postgresql://postgres@127.0.0.1:${port}/hangs` }));
    forgetLastRead();
    try {
      const started = Date.now();
      const [page, api] = await Promise.all([get("/"), get("/api/v2/status.json")]);
      const waited = Date.now() - started;
      expect(page.status).toBe(200);
      expect(page.headers.get("beacon-data-source")).toBe("snapshot");
      expect(api.status).toBe(200);
      expect(api.headers.get("beacon-data-source")).toBe("snapshot");
      expect(waited).toBeLessThan(4_500);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      silent.close();
      useDb(database.db);
    }
  });
});
