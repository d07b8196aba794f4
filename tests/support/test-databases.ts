// The two database providers every integration test runs against: a real SQLite file and a real
// PostgreSQL database in the throwaway test cluster. Each gets a migrated, empty database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/runtime/env";
import { createTestDatabase } from "../../scripts/support/pg-cluster";

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export const providers: { name: string; create(): Promise<TestDatabase> }[] = [
  {
    name: "SQLite",
    async create() {
      const dir = mkdtempSync(path.join(tmpdir(), "beacon-test-"));
      return { target: parseDatabaseUrl(`file:${path.join(dir, "beacon.db")}`), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "PostgreSQL",
    async create() {
      const database = await createTestDatabase(process.env.TEST_PG_URL ?? inject("TEST_PG_URL"));
      return { target: parseDatabaseUrl(database.url), drop: database.drop };
    },
  },
];

export type Provider = (typeof providers)[number];

export interface OpenTestDatabase {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/** A migrated database and a client for it; `close()` disconnects and drops it. */
export async function openTestDatabase(provider: Provider): Promise<OpenTestDatabase> {
  const database = await provider.create();
  await applyMigrations(database.target);
  const db = createDb(database.target);
  return {
    db,
    target: database.target,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * The database of one describe block: opened before its tests (before each test with `each`) and
 * closed after. The returned object is filled in then, so read its fields inside tests and hooks.
 */
export function useTestDatabase(provider: Provider, { each = false } = {}): OpenTestDatabase {
  const site = {} as OpenTestDatabase;
  (each ? beforeEach : beforeAll)(async () => {
    Object.assign(site, await openTestDatabase(provider));
  });
  (each ? afterEach : afterAll)(() => site.close?.());
  return site;
}
