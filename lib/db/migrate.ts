// Applies prisma/migrations/<provider>/* with the raw drivers, at server start and from
// `npm run db:migrate`. Each migration commits together with its `_prisma_migrations` row, in
// name order, so a later `prisma migrate deploy` (Prisma config migrations.path) agrees.
import { existsSync } from "node:fs";
import { DatabaseError, describeDatabaseError, type DatabaseLocation } from "./database-errors";
import { migrationsRoot, readMigrations, type MigrationFile } from "./migration-files";
import { PRISMA_MIGRATIONS_TABLE, transactionControlIn, type HistoryRow, type MigrationHistoryStore } from "./migration-history";

export { DatabaseError, describeDatabaseError } from "./database-errors";

export type MigrationTarget = DatabaseLocation;

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Defaults to `prisma/migrations` under the working directory. */
  migrationsDir?: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(target: MigrationTarget, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsRoot(options.migrationsDir), target.provider);
  return explained(target, async () => {
    const store = await openStore(target, "write");
    try {
      await store.ensureHistoryTable();
      const pending = pendingOf(migrations, await store.history(), options.log);
      pending.forEach(assertRunnableInTransaction);
      const applied: string[] = [];
      for (const migration of pending) {
        const ran = await store.apply(migration).catch((error: unknown) => {
          throw new DatabaseError(`migration ${migration.name} failed and was rolled back: ${describeDatabaseError(error)}`);
        });
        if (!ran) continue; // another instance applied it while we waited for the lock
        applied.push(migration.name);
        options.log?.(`applied ${migration.name}`);
      }
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      await store.close();
    }
  });
}

/** Names of the migrations not yet applied; changes nothing (not even creating the SQLite file). */
export async function pendingMigrations(target: MigrationTarget, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = readMigrations(migrationsRoot(options.migrationsDir), target.provider);
  if (target.provider === "sqlite" && !existsSync(target.file)) return migrations.map((m) => m.name);
  return explained(target, async () => {
    const store = await openStore(target, "read");
    try {
      return pendingOf(migrations, await store.history(), options.log).map((m) => m.name);
    } finally {
      await store.close();
    }
  });
}

/** Loads only the configured provider's driver (a start on SQLite never loads pg, and the reverse). */
async function openStore(target: MigrationTarget, mode: "read" | "write"): Promise<MigrationHistoryStore> {
  if (target.provider === "sqlite") return (await import("./migrate-sqlite")).sqliteHistoryStore(target.file, { readonly: mode === "read" });
  return (await import("./migrate-postgres")).postgresHistoryStore(target.url, { lock: mode === "write" });
}

/** Refuses a history Prisma Migrate would also refuse, and an applied migration edited since. */
function pendingOf(migrations: MigrationFile[], history: HistoryRow[], log?: (line: string) => void): MigrationFile[] {
  const failed = history.find((row) => !row.finished && !row.rolledBack);
  if (failed) {
    throw new DatabaseError(
      `migration ${failed.migration_name} failed earlier and is still marked unfinished in ${PRISMA_MIGRATIONS_TABLE}; ` +
        `repair the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${failed.migration_name}) or delete that row`,
    );
  }
  const applied = new Map(history.filter((row) => row.finished && !row.rolledBack).map((row) => [row.migration_name, row.checksum]));
  const edited = migrations.find((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum);
  if (edited) {
    throw new DatabaseError(
      `migration ${edited.name} was changed after it was applied to this database (its checksum differs); ` +
        `restore its migration.sql and put the change in a new migration (npm run db:migration:new -- <name>)`,
    );
  }
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) log?.(`warning: the database has migrations this version does not know: ${unknown.join(", ")}`);
  return migrations.filter((m) => !applied.has(m.name));
}

function assertRunnableInTransaction(migration: MigrationFile): void {
  const statement = transactionControlIn(migration.sql);
  if (statement) {
    throw new DatabaseError(`migration ${migration.name} contains "${statement}"; each migration already runs in its own transaction, so remove that line`);
  }
}

async function explained<T>(target: MigrationTarget, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof DatabaseError ? error : new DatabaseError(describeDatabaseError(error, target), { cause: error });
  }
}
