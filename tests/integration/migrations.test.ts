// The migrations in prisma/migrations/<provider> must build exactly the database that Prisma
// would build from prisma/schema.prisma today, on SQLite and on PostgreSQL; and the runner
// must behave like Prisma Migrate towards its history table.
import { createHash, randomUUID } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, pendingMigrations, type MigrationTarget } from "@/lib/db/migrate";
import { migrationNames } from "@/lib/db/migration-files";
import { describeSchema, driftMessage, executeScript, migrationDrift } from "@/lib/db/migration-drift";
import type { DatabaseProvider } from "@/lib/db/schema-variants";
import { migrationSqlBetween, prismaMigrateStatus } from "../../tools/prisma6/prisma6";
import { createTestDatabase } from "../../scripts/support/pg-cluster";

const schemaText = readFileSync("prisma/schema.prisma", "utf8");
const migrationsDir = path.resolve("prisma/migrations");
const adminUrl = process.env.TEST_PG_URL ?? inject("TEST_PG_URL");
const workDir = mkdtempSync(path.join(tmpdir(), "beacon-migrations-"));
const cleanups: (() => Promise<void>)[] = [];
const providers: DatabaseProvider[] = ["sqlite", "postgresql"];

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  rmSync(workDir, { recursive: true, force: true });
});

async function freshTarget(provider: DatabaseProvider): Promise<MigrationTarget> {
  if (provider === "sqlite") return { provider, file: path.join(workDir, `${randomUUID()}.db`) };
  const database = await createTestDatabase(adminUrl);
  cleanups.push(database.drop);
  return { provider, url: database.url };
}

async function query<T>(target: MigrationTarget, sql: string): Promise<T[]> {
  if (target.provider === "sqlite") {
    const db = new Database(target.file, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations to tamper with. */
function migrationsCopy(): string {
  const dir = path.join(workDir, `migrations-${randomUUID()}`);
  cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, provider: DatabaseProvider, name: string, sql: string): void {
  mkdirSync(path.join(dir, provider, name), { recursive: true });
  writeFileSync(path.join(dir, provider, name, "migration.sql"), sql);
}

describe.each(providers)("migrations on %s", (provider) => {
  const names = migrationNames(path.join(migrationsDir, provider));

  it("build the same schema as Prisma generates from prisma/schema.prisma", async () => {
    const drift = await migrationDrift(await freshTarget(provider), await freshTarget(provider), schemaText);
    if (drift.length > 0) throw new Error(driftMessage(drift));
  });

  it("apply once: a second run changes nothing", async () => {
    const target = await freshTarget(provider);
    expect(await pendingMigrations(target)).toEqual(names);
    expect(await applyMigrations(target)).toEqual({ applied: names, alreadyApplied: 0 });
    const schema = await describeSchema(target);
    expect(await applyMigrations(target)).toEqual({ applied: [], alreadyApplied: names.length });
    expect(await pendingMigrations(target)).toEqual([]);
    expect(await describeSchema(target)).toEqual(schema);
  });

  it("record history rows Prisma Migrate reads as applied", async () => {
    const target = await freshTarget(provider);
    await applyMigrations(target);
    type Row = { id: string; checksum: string; finished_at: unknown; migration_name: string; logs: null; rolled_back_at: null; applied_steps_count: number };
    const rows = await query<Row>(target, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = readFileSync(path.join(migrationsDir, provider, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
    }
    const url = target.provider === "sqlite" ? `file:${target.file}` : target.url;
    const status = await prismaMigrateStatus(provider, url, path.join(migrationsDir, provider), schemaText);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.ok).toBe(true);
  });

  it("roll back a failing migration completely, history row included", async () => {
    const target = await freshTarget(provider);
    const dir = migrationsCopy();
    addMigration(dir, provider, "99990101000000_broken", `CREATE TABLE "Leftover" (id INTEGER);\nSELECT * FROM "NoSuchTable";\n`);
    await expect(applyMigrations(target, { migrationsDir: dir })).rejects.toThrow(/migration 99990101000000_broken failed and was rolled back/);
    expect(await pendingMigrations(target, { migrationsDir: dir })).toEqual(["99990101000000_broken"]);
    expect((await describeSchema(target)).some((line) => line.includes("Leftover"))).toBe(false);
  });
});

describe("the history table's shape", () => {
  it("is Prisma Migrate's on SQLite", async () => {
    const target = await freshTarget("sqlite");
    await applyMigrations(target);
    const columns = await query<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
      target,
      `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('_prisma_migrations')`,
    );
    expect(columns).toEqual([
      { name: "id", type: "TEXT", notnull: 1, dflt_value: null, pk: 1 },
      { name: "checksum", type: "TEXT", notnull: 1, dflt_value: null, pk: 0 },
      { name: "finished_at", type: "DATETIME", notnull: 0, dflt_value: null, pk: 0 },
      { name: "migration_name", type: "TEXT", notnull: 1, dflt_value: null, pk: 0 },
      { name: "logs", type: "TEXT", notnull: 0, dflt_value: null, pk: 0 },
      { name: "rolled_back_at", type: "DATETIME", notnull: 0, dflt_value: null, pk: 0 },
      { name: "started_at", type: "DATETIME", notnull: 1, dflt_value: "current_timestamp", pk: 0 },
      { name: "applied_steps_count", type: "INTEGER UNSIGNED", notnull: 1, dflt_value: "0", pk: 0 },
    ]);
  });

  it("is Prisma Migrate's on PostgreSQL", async () => {
    const target = await freshTarget("postgresql");
    await applyMigrations(target);
    const columns = await query<Record<string, unknown>>(
      target,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => Object.values(c).join(" "))).toEqual([
      "id character varying 36 NO ",
      "checksum character varying 64 NO ",
      "finished_at timestamp with time zone  YES ",
      "migration_name character varying 255 NO ",
      "logs text  YES ",
      "rolled_back_at timestamp with time zone  YES ",
      "started_at timestamp with time zone  NO now()",
      "applied_steps_count integer  NO 0",
    ]);
  });
});

describe("the runner refuses", () => {
  it("a migration edited after it was applied", async () => {
    const target = await freshTarget("sqlite");
    const dir = migrationsCopy();
    await applyMigrations(target, { migrationsDir: dir });
    const [first] = migrationNames(path.join(dir, "sqlite"));
    appendFileSync(path.join(dir, "sqlite", first!, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(target, { migrationsDir: dir })).rejects.toThrow(`migration ${first} was changed after it was applied to this database`);
  });

  it("a history with an unfinished (failed) migration", async () => {
    const target = await freshTarget("postgresql");
    await applyMigrations(target);
    await executeScript(
      target,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ('${randomUUID()}', 'x', '99990101000000_half', now())`,
    );
    await expect(applyMigrations(target)).rejects.toThrow("migration 99990101000000_half failed earlier and is still marked unfinished");
  });

  it("to start with one clear line when the database cannot be reached", async () => {
    await expect(applyMigrations({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/beacon" })).rejects.toThrow(
      "cannot reach PostgreSQL at 127.0.0.1:1/beacon: connection refused",
    );
    await expect(applyMigrations({ provider: "sqlite", file: path.join(workDir, "missing/dir/beacon.db") })).rejects.toThrow(
      /^cannot open SQLite database .*beacon\.db: its directory/,
    );
  });
});

describe("concurrency and table rebuilds", () => {
  it("two instances starting together on PostgreSQL apply each migration once", async () => {
    const target = await freshTarget("postgresql");
    const names = migrationNames(path.join(migrationsDir, "postgresql"));
    const results = await Promise.all([applyMigrations(target), applyMigrations(target)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, names.length]);
    expect(await query(target, `SELECT migration_name FROM "_prisma_migrations"`)).toHaveLength(names.length);
  });

  it("a SQLite table rebuild keeps the rows of tables that reference it", async () => {
    const fixture = (titleDefault: string) => `generator client {\n  provider = "prisma-client"\n  output = "../generated/prisma-sqlite"\n}
datasource db {\n  provider = "sqlite"\n}
model Parent {\n  id Int @id\n  title String ${titleDefault}\n  children Child[]\n}
model Child {\n  id Int @id\n  parentId Int\n  parent Parent @relation(fields: [parentId], references: [id], onDelete: Cascade)\n}\n`;
    const [create, rebuild] = await Promise.all([
      migrationSqlBetween("sqlite", null, fixture("")),
      migrationSqlBetween("sqlite", fixture(""), fixture('@default("untitled")')),
    ]);
    expect(rebuild.sql).toContain('DROP TABLE "Parent"'); // Prisma rebuilds a table to change a default
    const dir = path.join(workDir, `migrations-${randomUUID()}`);
    addMigration(dir, "sqlite", "20000101000000_create", create.sql);
    const target = await freshTarget("sqlite");
    await applyMigrations(target, { migrationsDir: dir });
    await executeScript(target, `INSERT INTO "Parent" VALUES (1, 'Outage'); INSERT INTO "Child" VALUES (1, 1);`);
    addMigration(dir, "sqlite", "20000102000000_rebuild", rebuild.sql);
    expect((await applyMigrations(target, { migrationsDir: dir })).applied).toEqual(["20000102000000_rebuild"]);
    expect(await query(target, `SELECT id, parentId FROM "Child"`)).toEqual([{ id: 1, parentId: 1 }]);
  });
});
