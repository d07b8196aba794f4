// What the runner needs from a database, per provider. The history lives in Prisma Migrate's
// own `_prisma_migrations` table, so `prisma migrate deploy` sees our migrations as applied.
import type { MigrationFile } from "./migration-files";

export interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

export interface MigrationHistoryStore {
  /** Creates `_prisma_migrations` if missing; on SQLite this also proves the file is writable. */
  ensureHistoryTable(): Promise<void>;
  /** Every row, or none when the table does not exist yet. */
  history(): Promise<HistoryRow[]>;
  /**
   * Runs the migration and inserts its history row in one transaction. Returns false, changing
   * nothing, when the row already exists (another instance applied it first).
   */
  apply(migration: MigrationFile): Promise<boolean>;
  close(): Promise<void>;
}

export const PRISMA_MIGRATIONS_TABLE = "_prisma_migrations";

// Each migration already runs inside one transaction; its own BEGIN/COMMIT would end that early.
const transactionControl =
  /^\s*(?:BEGIN(?:\s+(?:DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\s+(?:TRANSACTION|WORK))?|(?:COMMIT|ROLLBACK)(?:\s+(?:TRANSACTION|WORK))?|END\s+TRANSACTION)\s*;/im;

export function transactionControlIn(sql: string): string | null {
  return sql.match(transactionControl)?.[0].trim() ?? null;
}
