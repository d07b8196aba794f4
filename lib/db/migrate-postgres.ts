// Migration history on PostgreSQL via `pg`. Instances starting together serialise on the same
// advisory lock Prisma Migrate takes, so neither two Beacons nor Beacon and Prisma collide.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { MigrationFile } from "./migration-files";
import { PRISMA_MIGRATIONS_TABLE, type HistoryRow, type MigrationHistoryStore } from "./migration-history";

const PRISMA_ADVISORY_LOCK_ID = 72707369;

// Prisma Migrate's own DDL for PostgreSQL.
const createHistoryTable = `CREATE TABLE IF NOT EXISTS "${PRISMA_MIGRATIONS_TABLE}" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** Connects; with `lock`, holds Prisma's migration advisory lock until close(). */
export async function postgresHistoryStore(url: string, options: { lock: boolean }): Promise<MigrationHistoryStore> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    if (options.lock) await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_ID]);
  } catch (error) {
    await client.end();
    throw error;
  }

  return {
    async ensureHistoryTable() {
      await client.query(createHistoryTable);
    },

    async history() {
      const { rows: found } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`"${PRISMA_MIGRATIONS_TABLE}"`]);
      if (!found[0]?.exists) return [];
      const { rows } = await client.query<HistoryRow>(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
           FROM "${PRISMA_MIGRATIONS_TABLE}" ORDER BY started_at`,
      );
      return rows;
    },

    async apply(migration: MigrationFile) {
      await client.query("BEGIN");
      try {
        const { rowCount } = await client.query(`SELECT 1 FROM "${PRISMA_MIGRATIONS_TABLE}" WHERE migration_name = $1 AND rolled_back_at IS NULL`, [
          migration.name,
        ]);
        if (rowCount) {
          await client.query("ROLLBACK");
          return false;
        }
        await client.query(migration.sql); // no parameters: the simple protocol runs every statement
        await client.query(
          `INSERT INTO "${PRISMA_MIGRATIONS_TABLE}" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
        return true;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },

    async close() {
      // Ending the session releases the advisory lock too.
      await client.end();
    },
  };
}
