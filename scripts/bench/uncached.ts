// Uncached latency. Each sample publishes through the write API, which drops every cached page
// and datum (as in production), and so makes the server write its snapshot 250 ms later; that
// write renders `/` and the newest incident pages itself, and keeps the server busy meanwhile.
// So the sample times one GET of each `immediate` URL at once, then waits for the snapshot, then
// times one GET of each `afterSnapshot` URL (pages the snapshot does not read).
import type { BeaconProcess } from "../support/beacon-process";
import { postUpdate } from "../support/write-client";
import { percentile } from "./stats";

const SNAPSHOT_WRITTEN = /snapshot: (wrote|kept)/;

export interface UncachedFigures {
  url: string;
  p50: number;
  p95: number;
  max: number;
}

async function timedGet(baseUrl: string, url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${url}`, { headers: { "Accept-Encoding": "gzip" } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function uncachedLatency(options: {
  server: BeaconProcess;
  token: string;
  incident: number;
  immediate: string[];
  afterSnapshot: string[];
  samples: number;
}): Promise<UncachedFigures[]> {
  const { server } = options;
  const urls = [...options.immediate, ...options.afterSnapshot];
  const times = new Map<string, number[]>(urls.map((url) => [url, []]));
  for (let n = 1; n <= options.samples; n++) {
    const written = server.nextOutput(SNAPSHOT_WRITTEN, 60_000);
    const key = `bench-uncached-${server.port}-${Date.now()}-${n}`;
    const answer = await postUpdate(server.url, options.token, options.incident, { body: `Bench cache buster ${n}.`, idempotencyKey: key });
    if (answer.status !== 201) throw new Error(`publish answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    for (const url of options.immediate) times.get(url)!.push(await timedGet(server.url, url));
    if (!(await written)) throw new Error(`no snapshot was written after a publish:\n${server.output().slice(-3_000)}`);
    for (const url of options.afterSnapshot) times.get(url)!.push(await timedGet(server.url, url));
  }
  return urls.map((url) => {
    const samples = times.get(url)!;
    return { url, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
  });
}
