// Migration history on SQLite via better-sqlite3. Concurrent starters serialise on
// BEGIN IMMEDIATE (the write lock) and wait for each other through the busy timeout.
import { randomUUID } from "node:crypto";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { MigrationFile } from "./migration-files";
import { PRISMA_MIGRATIONS_TABLE, type HistoryRow, type MigrationHistoryStore } from "./migration-history";

const BUSY_TIMEOUT_MS = 15_000;

// Prisma Migrate's own DDL for SQLite (its timestamps are stored as Unix milliseconds).
const createHistoryTable = `CREATE TABLE IF NOT EXISTS "${PRISMA_MIGRATIONS_TABLE}" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function openSqliteDatabase(file: string, options: { readonly?: boolean }): Database.Database {
  if (!options.readonly) assertWritable(file);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}

// SQLite silently opens a write-protected file read-only; an up-to-date database would then
// start fine and fail on the first write, so check up front (the directory holds the WAL files).
function assertWritable(file: string): void {
  for (const location of [file, path.dirname(file)]) {
    try {
      if (existsSync(location)) accessSync(location, constants.W_OK);
    } catch {
      throw Object.assign(new Error(`${location} is not writable`), { code: "SQLITE_READONLY" });
    }
  }
}

export function sqliteHistoryStore(file: string, options: { readonly?: boolean } = {}): MigrationHistoryStore {
  const db = openSqliteDatabase(file, options);
  const hasTable = () => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(PRISMA_MIGRATIONS_TABLE) !== undefined;

  return {
    async ensureHistoryTable() {
      db.exec("BEGIN IMMEDIATE");
      try {
        db.exec(createHistoryTable);
        db.exec("COMMIT");
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },

    async history() {
      if (!hasTable()) return [];
      const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "${PRISMA_MIGRATIONS_TABLE}" ORDER BY started_at`).all() as {
        migration_name: string;
        checksum: string;
        finished_at: unknown;
        rolled_back_at: unknown;
      }[];
      return rows.map((row) => ({
        migration_name: row.migration_name,
        checksum: row.checksum,
        finished: row.finished_at !== null,
        rolledBack: row.rolled_back_at !== null,
      })) satisfies HistoryRow[];
    },

    async apply(migration: MigrationFile) {
      // Foreign keys must be off while Prisma redefines a table (copy, drop, rename): with them on,
      // dropping the old table would cascade-delete child rows. The pragma is ignored inside a
      // transaction, so it is set around it, and the result is checked before COMMIT instead.
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        const applied = db.prepare(`SELECT 1 FROM "${PRISMA_MIGRATIONS_TABLE}" WHERE migration_name = ? AND rolled_back_at IS NULL`).get(migration.name);
        if (applied) {
          db.exec("ROLLBACK");
          return false;
        }
        const startedAt = Date.now();
        db.exec(migration.sql);
        const violation = db.prepare("PRAGMA foreign_key_check").get() as { table: string; parent: string } | undefined;
        if (violation) throw new Error(`leaves rows in "${violation.table}" pointing at missing "${violation.parent}" rows`);
        db.prepare(
          `INSERT INTO "${PRISMA_MIGRATIONS_TABLE}" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
        db.exec("COMMIT");
        return true;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },

    async close() {
      // Every start passes here: refresh the planner's statistics where tables have grown, so a
      // long history is read through the selective indexes (SQLite never gathers them by itself).
      if (!options.readonly) {
        db.pragma("analysis_limit = 400");
        db.pragma("optimize = 0x10002");
      }
      db.close();
    },
  };
}
