// Development only (the drift test and scripts/db-migration-check.ts; needs tools/prisma6):
// do the migrations build the database Prisma would build from prisma/schema.prisma today?
import Database from "better-sqlite3";
import pg from "pg";
import { migrationSqlBetween } from "../../tools/prisma6/prisma6";
import { applyMigrations, type MigrationTarget } from "./migrate";
import { describePostgresSchema, describeSqliteSchema, schemaDifferences } from "./schema-inspect";

/**
 * Applies the migrations to `migrated` and Prisma's SQL for `schemaText` to `generated` (two
 * empty databases of one provider); returns the differences, empty when there is no drift.
 */
export async function migrationDrift(
  migrated: MigrationTarget,
  generated: MigrationTarget,
  schemaText: string,
  options: { migrationsDir?: string } = {},
): Promise<string[]> {
  const [prismaSql] = await Promise.all([migrationSqlBetween(generated.provider, null, schemaText), applyMigrations(migrated, options)]);
  await executeScript(generated, prismaSql.sql);
  return schemaDifferences(await describeSchema(generated), await describeSchema(migrated));
}

export function driftMessage(drift: string[]): string {
  return (
    "the schema and the migrations drifted apart; run npm run db:migration:new -- <name>\n" +
    `(+ expected from prisma/schema.prisma, - built by the migrations)\n${drift.join("\n")}`
  );
}

export function describeSchema(target: MigrationTarget): Promise<string[]> {
  return target.provider === "sqlite" ? Promise.resolve(describeSqliteSchema(target.file)) : describePostgresSchema(target.url);
}

/** Runs a multi-statement SQL script as is, outside any migration bookkeeping. */
export async function executeScript(target: MigrationTarget, sql: string): Promise<void> {
  if (target.provider === "sqlite") {
    const db = new Database(target.file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
