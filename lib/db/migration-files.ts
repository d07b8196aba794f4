// The versioned migrations on disk, in Prisma Migrate's layout, one folder per provider:
// prisma/migrations/<provider>/<YYYYMMDDHHMMSS>_<name>/migration.sql + migration_lock.toml.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "./schema-variants";

export interface MigrationFile {
  name: string;
  sql: string;
  /** SHA-256 hex of the file's bytes, exactly as Prisma Migrate records it. */
  checksum: string;
}

/** Resolved from the working directory so it works alike from source and from a Next.js server. */
export function migrationsRoot(override?: string): string {
  return path.resolve(override ?? path.join(process.cwd(), "prisma/migrations"));
}

/** The models as of the latest migration; the next migration is the diff from here. */
export function snapshotFile(root: string): string {
  return path.join(root, "schema.snapshot.prisma");
}

export function providerDir(root: string, provider: DatabaseProvider): string {
  return path.join(root, provider);
}

export function readMigrations(root: string, provider: DatabaseProvider): MigrationFile[] {
  const dir = providerDir(root, provider);
  if (!existsSync(dir)) throw new Error(`migrations folder ${dir} not found (run from the project root)`);
  return migrationNames(dir).map((name) => {
    const bytes = readFileSync(path.join(dir, name, "migration.sql"));
    return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
  });
}

/** Folder names holding a migration.sql, in the order they apply (name order, like Prisma). */
export function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}
