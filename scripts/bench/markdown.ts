// CPU milliseconds to render one post body, for the costliest bodies of the longest allowed length:
// the first render (what a page, feed or API pays once per body) and a cached read.
// `npx tsx scripts/bench/markdown.ts` prints the table; `npm run bench` may include it.
import { fileURLToPath } from "node:url";
import { markdownToText, postHtml, renderMarkdown } from "@/lib/text/markdown";
import { WORST_CASE_BODIES } from "./markdown-bodies";
import { markdownTable, ms, percentile } from "./stats";

const ROUNDS = 7;
const LOOKUPS = 100;

/** Median CPU milliseconds of `ROUNDS` calls (CPU time, so other work on a shared machine does not count). */
function median<T>(prepare: () => T, call: (prepared: T) => unknown): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const prepared = prepare();
    const started = process.cpuUsage();
    call(prepared);
    const used = process.cpuUsage(started);
    samples.push((used.user + used.system) / 1000);
  }
  return percentile(samples, 50);
}

/** Copies of a body, each a string of its own as a database row brings it (so hashed anew by the cache). */
const copiesOf = (body: string) => () => Array.from({ length: LOOKUPS }, () => Buffer.from(body).toString());
const us = (milliseconds: number) => `${(milliseconds * 1000).toFixed(1)} µs`;

export function markdownFigures(): string {
  // Warm the parser and sanitizer first, so the first row does not pay for compiling them.
  for (let round = 0; round < 20; round++) renderMarkdown(WORST_CASE_BODIES["ordinary Markdown"]!);
  const rows = Object.entries(WORST_CASE_BODIES).map(([name, body]) => {
    postHtml(body);
    const html = median(() => body, renderMarkdown);
    const text = median(() => body, markdownToText);
    const cached = median(copiesOf(body), (copies) => copies.forEach(postHtml)) / LOOKUPS;
    return [name, body.length, ms(html), ms(text), us(cached)];
  });
  return markdownTable(["body", "characters", "HTML, first render", "text, first render", "HTML, cached"], rows, ["l", "r", "r", "r", "r"]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(markdownFigures());
