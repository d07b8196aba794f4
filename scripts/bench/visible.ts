// Publish → visible: the time from a publish call (write API) returning to the new post showing
// on `/`, in `/history.atom` and in `/api/v2/summary.json`, each polled every 10 ms, while wrk
// reads the public pages with 64 connections.
import { postUpdate } from "../support/write-client";
import { backgroundWrk } from "./wrk";
import { markdownTable, ms, percentile, sleep } from "./stats";

export const VISIBLE_URLS = ["/", "/history.atom", "/api/v2/summary.json"];
const POLL_MS = 10;
const GIVE_UP_MS = 10_000;

async function timeUntilVisible(url: string, text: string, since: number): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const body = await (await fetch(url, { headers: { "Accept-Encoding": "gzip" } })).text();
    if (body.includes(text)) return performance.now() - since;
    await sleep(POLL_MS);
  }
  return Number.POSITIVE_INFINITY;
}

export interface VisibleResult {
  table: string;
  readLoad: string;
}

export async function publishToVisible(options: {
  baseUrl: string;
  token: string;
  incident: number;
  readPaths: string[];
  publishes: number;
}): Promise<VisibleResult> {
  const load = backgroundWrk(options.baseUrl, options.readPaths, 600);
  await sleep(2_000);
  const times = new Map<string, number[]>(VISIBLE_URLS.map((url) => [url, []]));
  let readLoad = "";
  try {
    for (let n = 1; n <= options.publishes; n++) {
      const text = `Bench visibility probe ${n} ${Date.now().toString(36)}`;
      const answer = await postUpdate(options.baseUrl, options.token, options.incident, {
        body: text,
        idempotencyKey: `bench-visible-${text.replace(/\W/g, "-")}`,
      });
      const returned = performance.now();
      if (answer.status !== 201) throw new Error(`publish answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const elapsed = await Promise.all(VISIBLE_URLS.map((url) => timeUntilVisible(`${options.baseUrl}${url}`, text, returned)));
      VISIBLE_URLS.forEach((url, i) => times.get(url)!.push(elapsed[i]!));
      await sleep(500);
    }
  } finally {
    const read = await load.stop();
    readLoad = `${Math.round(read.rps)} req/s, p99 ${read.p99}, errors: ${read.errors}`;
  }
  const rows = VISIBLE_URLS.map((url) => {
    const samples = times.get(url)!;
    const missed = samples.filter((t) => !Number.isFinite(t)).length;
    return [
      url,
      ms(percentile(samples, 50)),
      ms(percentile(samples, 99)),
      ms(Math.max(...samples)),
      missed ? `${missed} not within ${GIVE_UP_MS / 1000} s` : "none",
    ];
  });
  return { table: markdownTable(["URL", "p50", "p99", "max", "missed"], rows, ["l", "r", "r", "r", "l"]), readLoad };
}
