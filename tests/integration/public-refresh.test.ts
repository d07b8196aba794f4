// The public HTTP layer's kept answers (lib/public/answers.ts) once
// their few seconds are up: the crowd is answered at once with the kept answer while one request
// makes the next, and the next request gets the fresh one. A publish still drops them at once.
import { createServer as createHttpServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { handlePublicRequest } from "@/lib/public/server";
import { openTestDatabase, providers } from "../support/test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };

describe.each(providers)("kept public answers on $name", (provider) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let server: Server;
  let base: string;
  const text = async (pathname: string) => (await fetch(`${base}${pathname}`)).text();

  /** Polls until `pathname` shows `expected` (bounded), returning how many requests it took. */
  async function requestsUntil(pathname: string, expected: string): Promise<number> {
    for (let n = 1; n <= 100; n++) {
      if ((await text(pathname)).includes(expected)) return n;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${pathname} never showed "${expected}"`);
  }

  beforeAll(async () => {
    database = await openTestDatabase(provider);
    await seedDemo(database.db, { now: new Date() });
    globals.beaconDb = database.db;
    invalidatePublicViews();
    server = createHttpServer((request, response) => {
      void Promise.resolve(handlePublicRequest(request, response)).then((handled) => handled || response.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    globals.beaconDb = undefined;
    await database?.close();
  });

  it.each(["/incidents/386", "/history.atom"])("%s: past its time the kept answer is served at once while the next one is made", async (pathname) => {
    const before = await text(pathname);
    const incident = await database.db.incident.findUniqueOrThrow({ where: { number: 386 } });
    const renamed = `${incident.title} (renamed ${pathname})`;
    // Written behind the use-cases' back, so nothing is invalidated: only time can refresh the answer.
    await database.db.incident.update({ where: { id: incident.id }, data: { title: renamed } });
    expect(await text(pathname)).toBe(before);

    // Kept answers live 5 s: step past that. The first request after an answer's time is up gets
    // the kept answer at once, while one render makes the next; a later request gets the fresh one.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 6_000);
    expect(await text(pathname), "6 s later").toBe(before);
    expect(await requestsUntil(pathname, renamed)).toBeGreaterThanOrEqual(1);
  });

  it("an answer older than its time plus the render deadline is not served: the request waits for the fresh one", async () => {
    const incident = await database.db.incident.findUniqueOrThrow({ where: { number: 386 } });
    await text("/incidents/386");
    await database.db.incident.update({ where: { id: incident.id }, data: { title: "Long after" } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60_000);
    expect(await text("/incidents/386")).toContain("Long after");
  });

  it("a publish still drops every kept answer at once", async () => {
    const incident = await database.db.incident.findUniqueOrThrow({ where: { number: 386 } });
    await text("/incidents/386");
    await database.db.incident.update({ where: { id: incident.id }, data: { title: "Published title" } });
    invalidatePublicViews();
    expect(await text("/incidents/386")).toContain("Published title");
  });
});
