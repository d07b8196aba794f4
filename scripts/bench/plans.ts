// Query plans of the hot reads behind `/`, an incident page and a history page: the SQL Prisma
// sends (captured from its query events) run through EXPLAIN QUERY PLAN (SQLite) or EXPLAIN
// ANALYZE (PostgreSQL). Full scans of a table are marked, as those grow with the history.
import { createDb, type Db } from "@/lib/db/client";
import { firstIncidentOpenedAt, loadActivePublicIncidents, loadIncidentsOpenedBetween, loadPublicIncident, loadRecentlyResolved } from "@/lib/db/public-read";
import { loadComponents, loadIncidentsOverlapping } from "@/lib/db/timeline-queries";
import type { DatabaseTarget } from "@/lib/runtime/env";
import { historyPageRange } from "@/lib/public/history-range";
import { uptimeWindowStart, UPTIME_DAYS } from "@/lib/public/views";
import { ms } from "./stats";

interface Captured {
  query: string;
  params: unknown[];
}

/** The reads of lib/public/data.ts for each page, with the same arguments. */
function pageReads(now: Date, incident: number, historyPage: number): [string, (db: Db) => Promise<unknown>][] {
  const from = uptimeWindowStart(now);
  const range = historyPageRange(historyPage, now);
  return [
    [
      "/",
      (db) =>
        Promise.all([
          loadComponents(db),
          loadActivePublicIncidents(db, now),
          loadRecentlyResolved(db, 5),
          loadIncidentsOverlapping(db, { from, to: new Date(from.getTime() + (UPTIME_DAYS + 1) * 86_400_000) }),
        ]),
    ],
    [`/incidents/${incident}`, (db) => loadPublicIncident(db, incident)],
    [`/history?page=${historyPage}`, (db) => Promise.all([loadIncidentsOpenedBetween(db, range), firstIncidentOpenedAt(db)])],
  ];
}

// A table read whole (an ordered index walk under a LIMIT is not one).
const SCAN = /^(SCAN [\w.]+$|SCAN [\w.]+ USING COVERING INDEX|.*Seq Scan on )/;

function shorten(query: string, params: unknown[]): string {
  const compact = query.replace(/\s+/g, " ").replace(/"main"\.|"public"\./g, "");
  return `${compact.length > 400 ? `${compact.slice(0, 400)}…` : compact}${params.length ? ` — ${params.length} parameter${params.length > 1 ? "s" : ""}` : ""}`;
}

async function explain(db: Db, provider: DatabaseTarget["provider"], captured: Captured): Promise<string[]> {
  if (provider === "sqlite") {
    const rows = await db.$queryRawUnsafe<{ id: number; parent: number; detail: string }[]>(`EXPLAIN QUERY PLAN ${captured.query}`, ...captured.params);
    const depth = new Map<number, number>([[0, 0]]);
    return rows.map((row) => {
      depth.set(row.id, (depth.get(row.parent) ?? 0) + 1);
      return `${"  ".repeat(depth.get(row.id)! - 1)}${row.detail}`;
    });
  }
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${captured.query}`, ...captured.params);
  return rows.map((row) => row["QUERY PLAN"]);
}

/** The query's own time: the fastest of three runs, so Prisma's start-up and the page's other work are left out. */
async function fastestRun(db: Db, captured: Captured): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await db.$queryRawUnsafe(captured.query, ...captured.params);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

export async function queryPlans(target: DatabaseTarget, options: { now: Date; incident: number; historyPage: number }): Promise<string> {
  let captured: Captured[] = [];
  const db = createDb(target, {
    onQuery: (event) => {
      if (/^\s*SELECT/i.test(event.query)) captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
    },
  });
  const sections: string[] = [];
  try {
    // The seed has just loaded the history; autovacuum would gather these statistics shortly after.
    if (target.provider === "postgresql") await db.$executeRawUnsafe("ANALYZE");
    for (const [page, read] of pageReads(options.now, options.incident, options.historyPage)) {
      captured = [];
      await read(db);
      const queries = captured;
      captured = []; // the EXPLAINs below are queries too
      const seen = new Set<string>();
      sections.push(`#### ${page}\n`);
      for (const query of queries) {
        if (seen.has(query.query)) continue;
        seen.add(query.query);
        const plan = await explain(db, target.provider, query);
        const scans = plan.filter((line) => SCAN.test(line.trim()));
        sections.push(
          `${shorten(query.query, query.params)} (runs in ${ms(await fastestRun(db, query))})\n\n\`\`\`\n${plan.join("\n")}\n\`\`\`\n${scans.length ? `Full scan: ${scans.map((line) => line.trim()).join("; ")}\n` : ""}`,
        );
      }
    }
  } finally {
    await db.$disconnect();
  }
  return sections.join("\n");
}
