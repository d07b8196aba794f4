// Soak: 64 connections reading `/`, an incident page, `/history.atom` and `/api/v2/summary.json`
// round-robin while a machine publishes every 5 s through the write API. Every read answers 200 or
// 304, every publish lands, and the server's memory (RSS of its process tree) grows by at most 10%
// between the end of the warm-up and the end. Short: 45 s on SQLite; FAULT_LONG=1: 5 minutes on
// SQLite and on PostgreSQL.
import { describe, expect, onTestFinished, test } from "vitest";
import { startBeacon } from "../../scripts/support/beacon-process";
import { createThrowawayDatabase, PROVIDERS } from "../../scripts/support/databases";
import { runReadLoad } from "../../scripts/support/read-load";
import { createWriteToken, openDatabase, seedDatabase } from "../../scripts/support/seed";
import { openIncident, postUpdate } from "../../scripts/support/write-client";
import { forThisRun } from "./support/run-length";

const RUN = forThisRun({
  short: { warmUpMs: 20_000, measureMs: 45_000, providers: ["sqlite"] },
  long: { warmUpMs: 60_000, measureMs: 300_000, providers: ["sqlite", "postgresql"] },
});
const CONNECTIONS = 64;
const PUBLISH_EVERY_MS = 5_000;
const MAX_GROWTH = 0.1;
const SAMPLE_EVERY_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

describe.each(PROVIDERS.filter(({ provider }) => RUN.providers.includes(provider)))("soak on $name", ({ provider }) => {
  test(`${CONNECTIONS} readers and a publish every 5 s for ${(RUN.warmUpMs + RUN.measureMs) / 1000} s: no errors, memory flat`, async () => {
    const database = await createThrowawayDatabase(provider);
    onTestFinished(() => database.close());
    await seedDatabase(database);
    const db = openDatabase(database.databaseUrl);
    onTestFinished(() => db.$disconnect());
    const token = await createWriteToken(db, "soak");
    const server = await startBeacon(database);
    onTestFinished(() => server.stop());
    const incident = await openIncident(server.url, token, "Soak", ["platform-api"]);

    const stop = new AbortController();
    const load = runReadLoad({
      baseUrl: server.url,
      paths: ["/", `/incidents/${incident}`, "/history.atom", "/api/v2/summary.json"],
      connections: CONNECTIONS,
      signal: stop.signal,
    });
    const publishes: number[] = [];
    const publisher = (async () => {
      // On a fixed cadence: the next publish starts 5 s after the previous one started.
      const started = Date.now();
      for (let n = 1; !stop.signal.aborted; n++) {
        const answer = await postUpdate(server.url, token, incident, { body: `Soak update ${n}.`, idempotencyKey: `soak-${n}-${server.port}` });
        publishes.push(answer.status);
        await sleep(Math.max(0, started + n * PUBLISH_EVERY_MS - Date.now()));
      }
    })();
    const samples: string[] = [];
    const sampler = setInterval(() => samples.push(mb(server.rssKb())), SAMPLE_EVERY_MS);

    await sleep(RUN.warmUpMs);
    const warm = server.rssKb();
    await sleep(RUN.measureMs);
    const end = server.rssKb();
    clearInterval(sampler);
    stop.abort();
    const [stats] = await Promise.all([load, publisher]);

    const statuses = Object.fromEntries(stats.byStatus);
    console.log(
      `soak (${provider}): ${stats.requests} reads (${JSON.stringify(statuses)}), ${stats.errors} errors, ${publishes.length} publishes; ` +
        `RSS ${mb(warm)} after the warm-up, ${mb(end)} at the end (every 5 s: ${samples.join(", ")})`,
    );
    expect(stats.firstErrors, "reads that failed").toEqual([]);
    expect(
      [...stats.byStatus.keys()].filter((status) => status !== 200 && status !== 304),
      "reads answered other than 200/304",
    ).toEqual([]);
    expect(stats.requests).toBeGreaterThan(0);
    expect(
      publishes.filter((status) => status !== 201),
      "publishes that did not land",
    ).toEqual([]);
    expect(publishes.length).toBeGreaterThanOrEqual(Math.floor((RUN.warmUpMs + RUN.measureMs) / PUBLISH_EVERY_MS) - 1);
    expect(end, `RSS grew from ${mb(warm)} to ${mb(end)}\n${server.output().slice(-5_000)}`).toBeLessThanOrEqual(warm * (1 + MAX_GROWTH));
  });
});
