// A database's schema as sorted, comparable lines (tables, columns, keys, indexes, enums), for
// the drift check: "migrations applied" must equal "Prisma's SQL for the current schema".
// Column order and formatting are ignored: they differ legitimately after ALTER TABLE.
import Database from "better-sqlite3";
import pg from "pg";
import { PRISMA_MIGRATIONS_TABLE } from "./migration-history";

export function describeSqliteSchema(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const objects = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name != ?")
      .all(PRISMA_MIGRATIONS_TABLE) as { type: string; name: string; tbl_name: string; sql: string | null }[];
    const lines: string[] = [];
    for (const object of objects) {
      if (object.type === "table") lines.push(...sqliteTable(db, object.name, object.sql ?? ""));
      else if (object.type !== "index") lines.push(`${object.type} ${object.name}: ${squash(object.sql ?? "")}`);
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

function sqliteTable(db: Database.Database, table: string, sql: string): string[] {
  const quoted = JSON.stringify(table);
  const lines = [`table ${table}${/\bAUTOINCREMENT\b/i.test(sql) ? " autoincrement" : ""}`];
  type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number };
  for (const c of db.prepare(`PRAGMA table_xinfo(${quoted})`).all() as Column[]) {
    lines.push(`column ${table}.${c.name} ${c.type}${c.notnull ? " not null" : ""} default=${c.dflt_value} pk=${c.pk} hidden=${c.hidden}`);
  }
  type ForeignKey = { id: number; table: string; from: string; to: string; on_update: string; on_delete: string };
  const keys = new Map<number, ForeignKey[]>();
  for (const part of db.prepare(`PRAGMA foreign_key_list(${quoted})`).all() as ForeignKey[]) {
    keys.set(part.id, [...(keys.get(part.id) ?? []), part]);
  }
  for (const parts of keys.values()) {
    const [first] = parts;
    const from = parts.map((p) => p.from).join(", ");
    const to = parts.map((p) => p.to).join(", ");
    lines.push(`foreign key ${table}(${from}) -> ${first!.table}(${to}) on delete ${first!.on_delete} on update ${first!.on_update}`);
  }
  type Index = { name: string; unique: number; origin: string; partial: number };
  for (const index of db.prepare(`PRAGMA index_list(${quoted})`).all() as Index[]) {
    type IndexColumn = { name: string | null; desc: number; coll: string; key: number };
    const columns = (db.prepare(`PRAGMA index_xinfo(${JSON.stringify(index.name)})`).all() as IndexColumn[])
      .filter((c) => c.key)
      .map((c) => `${c.name ?? "<expr>"}${c.desc ? " desc" : ""} ${c.coll}`);
    const name = index.origin === "c" ? index.name : `(${index.origin})`;
    const where = index.partial ? ` ${squash(indexSql(db, index.name))}` : "";
    lines.push(`index ${table} ${name}${index.unique ? " unique" : ""} (${columns.join(", ")})${where}`);
  }
  return lines;
}

function indexSql(db: Database.Database, name: string): string {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as { sql: string } | undefined;
  return row?.sql ?? "";
}

export async function describePostgresSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT format('column %s.%s %s(%s) length=%s precision=%s %s default=%s', table_name, column_name, data_type, udt_name,
              character_maximum_length, coalesce(datetime_precision, numeric_precision),
              CASE WHEN is_nullable = 'NO' THEN 'not null' ELSE 'null' END, column_default) AS line
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> $1`,
      `SELECT format('index %s %s', tablename, indexdef) AS line
         FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> $1`,
      `SELECT format('constraint %s %s %s', rel.relname, con.conname, pg_get_constraintdef(con.oid)) AS line
         FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.connamespace = current_schema()::regnamespace AND rel.relname <> $1`,
      `SELECT format('enum %s (%s)', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = current_schema()::regnamespace AND t.typname <> $1 GROUP BY t.typname`,
      `SELECT format('sequence %s', sequence_name) AS line
         FROM information_schema.sequences WHERE sequence_schema = current_schema() AND sequence_name <> $1`,
    ];
    const lines: string[] = [];
    for (const sql of queries) {
      const { rows } = await client.query<{ line: string }>(sql, [PRISMA_MIGRATIONS_TABLE]);
      lines.push(...rows.map((row) => row.line));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

/** Lines only in `expected` (+) or only in `actual` (−); empty when the schemas match. */
export function schemaDifferences(expected: string[], actual: string[]): string[] {
  const inActual = new Set(actual);
  const inExpected = new Set(expected);
  return [
    ...expected.filter((line) => !inActual.has(line)).map((line) => `+ ${line}`),
    ...actual.filter((line) => !inExpected.has(line)).map((line) => `- ${line}`),
  ];
}

function squash(sql: string): string {
  return sql.replace(/\s+/g, " ").trim();
}
