// Demo data and synthetic history into an empty (or explicitly replaced) database; used by
// `npm run db:seed` and the integration tests. Never touches users, API tokens or the audit log.
import { DEMO_COMPONENTS, demoDataset, demoPostmortems, syntheticHistory, SYNTHETIC_FIRST_NUMBER } from "@/lib/demo";
import type { Db } from "./client";
import { insertPostmortems } from "./seed-postmortems";
import { clearContent, ensureComponents, insertIncidents, type InsertedCounts, type Tx } from "./seed-rows";

export interface SeedCounts extends InsertedCounts {
  /** Components created (existing ones with a demo slug are reused). */
  components: number;
}

export type DemoSeedResult = { status: "already-present" } | { status: "seeded"; replaced: boolean; counts: SeedCounts };

export type HistorySeedResult =
  | { status: "already-present" }
  | { status: "seeded"; replaced: boolean; counts: SeedCounts; numbers: { first: number; last: number } | null };

/** The database holds content the seed may not overwrite without `force`. */
export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

/** Ample for 10,000+ incidents on a slow disk; the default 5 s is meant for request-sized work. */
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };
const DEMO_LANDMARK_NUMBER = 386;

interface Contents {
  empty: boolean;
  /** The demo's components and incident #386 are there. */
  demo: boolean;
  /** Incidents numbered like a synthetic history. */
  history: number;
}

async function inspect(tx: Tx): Promise<Contents> {
  const anyComponent = await tx.component.findFirst({ select: { id: true } });
  const anyIncident = await tx.incident.findFirst({ select: { id: true } });
  const landmark = await tx.incident.findUnique({ where: { number: DEMO_LANDMARK_NUMBER }, select: { id: true } });
  const demoComponents = await tx.component.count({ where: { slug: { in: DEMO_COMPONENTS.map((c) => c.slug) } } });
  const history = await tx.incident.count({ where: { number: { gte: SYNTHETIC_FIRST_NUMBER } } });
  return {
    empty: !anyComponent && !anyIncident,
    demo: landmark !== null && demoComponents === DEMO_COMPONENTS.length,
    history,
  };
}

/** No components and no incidents (users, tokens and audit events do not count). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await inspect(db)).empty;
}

/**
 * Idempotent: when the demo is already there, does nothing (unless `force`). Refuses any other
 * non-empty database unless `force`, which replaces all components and incidents.
 */
export async function seedDemo(db: Db, { now, force = false }: { now: Date; force?: boolean }): Promise<DemoSeedResult> {
  return db.$transaction(async (tx) => {
    const contents = await inspect(tx);
    if (contents.demo && !force) return { status: "already-present" } as const;
    if (!contents.empty && !force) throw new SeedRefusedError("the database already holds components or incidents that are not the demo data");
    if (!contents.empty) await clearContent(tx);
    const dataset = demoDataset(now);
    const { ids, created } = await ensureComponents(tx, dataset.components);
    const inserted = await insertIncidents(tx, dataset.incidents, ids, now);
    await insertPostmortems(tx, demoPostmortems(dataset.components));
    return { status: "seeded", replaced: !contents.empty, counts: { components: created, ...inserted } } as const;
  }, TRANSACTION_OPTIONS);
}

/**
 * Adds syntheticHistory(count, now) (numbers from 100000) to an empty database or one holding only
 * the demo, creating the demo components if missing. Does nothing when a history of `count` incidents
 * is already there (unless `force`); `force` first replaces all components and incidents.
 */
export async function seedHistory(db: Db, { count, now, force = false }: { count: number; now: Date; force?: boolean }): Promise<HistorySeedResult> {
  return db.$transaction(async (tx) => {
    const contents = await inspect(tx);
    const replace = force && !contents.empty;
    if (!force && contents.history === count) return { status: "already-present" } as const;
    if (!force && contents.history > 0) {
      throw new SeedRefusedError(`the database already holds a synthetic history of ${contents.history} incidents`);
    }
    if (!force && !contents.empty && !contents.demo) {
      throw new SeedRefusedError("the database holds components or incidents that are not the demo data");
    }
    if (replace) await clearContent(tx);
    const incidents = syntheticHistory(count, now);
    const { ids, created } = await ensureComponents(tx, DEMO_COMPONENTS);
    const inserted = await insertIncidents(tx, incidents, ids, now);
    const first = incidents[0];
    const last = incidents[incidents.length - 1];
    return {
      status: "seeded",
      replaced: replace,
      counts: { components: created, ...inserted },
      numbers: first && last ? { first: first.number, last: last.number } : null,
    } as const;
  }, TRANSACTION_OPTIONS);
}
