// Prisma's own migration tooling, offline: the Prisma 6 CLI of the tool package in this folder
// (Prisma 7's Migrate needs a native engine that cannot be downloaded here). Used to generate
// migration SQL (`migrate diff`) and, in tests, to ask Prisma whether it agrees (`migrate status`).
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { schemaFor, type DatabaseProvider } from "../../lib/db/schema-variants";

const toolDir = import.meta.dirname;
const prismaCli = path.join(toolDir, "node_modules/prisma/build/index.js");

// Prisma 6 insists on a datasource url (Prisma 7 forbids one); the driver adapter in
// prisma.config.ts is what actually connects, so this one is never used.
const unusedUrl: Record<DatabaseProvider, string> = {
  sqlite: "file:./unused.db",
  postgresql: "postgresql://unused@localhost:5432/unused",
};

export interface MigrationSql {
  sql: string;
  /** True when the two datamodels need no change in this provider's database. */
  empty: boolean;
}

/** Installs the tool package (from its lockfile) the first time it is needed. */
export function ensurePrisma6Installed(log: (line: string) => void = console.log): void {
  if (existsSync(prismaCli)) return;
  log("Installing the Prisma 6 migration tool into tools/prisma6 (once) …");
  execFileSync("npm", ["install", "--prefix", toolDir, "--no-audit", "--no-fund", "--loglevel=error"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * The SQL that takes a database from the `from` schema (null: empty database) to the `to`
 * schema, both given as the text of prisma/schema.prisma, for one provider.
 */
export async function migrationSqlBetween(provider: DatabaseProvider, from: string | null, to: string): Promise<MigrationSql> {
  return withWorkDir(async (dir) => {
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", writeSchema(dir, "from.prisma", provider, from)];
    const toArgs = ["--to-schema-datamodel", writeSchema(dir, "to.prisma", provider, to)];
    const { code, stdout, stderr } = await prisma(["migrate", "diff", ...fromArgs, ...toArgs, "--script", "--exit-code"], {
      PRISMA6_DATABASE_URL: ":memory:",
    });
    if (code !== 0 && code !== 2) throw new Error(`prisma migrate diff (${provider}) failed:\n${stderr.trim()}`);
    return { sql: stdout, empty: code === 0 };
  });
}

/** `prisma migrate status` of a database against a migrations folder; ok when Prisma sees it up to date. */
export async function prismaMigrateStatus(
  provider: DatabaseProvider,
  databaseUrl: string,
  migrationsDir: string,
  schemaText: string,
): Promise<{ ok: boolean; output: string }> {
  return withWorkDir(async (dir) => {
    const schema = writeSchema(dir, "schema.prisma", provider, schemaText);
    cpSync(migrationsDir, path.join(dir, "migrations"), { recursive: true });
    const { code, stdout, stderr } = await prisma(["migrate", "status", "--schema", schema], { PRISMA6_DATABASE_URL: databaseUrl });
    return { ok: code === 0, output: `${stdout}${stderr}` };
  });
}

async function withWorkDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  ensurePrisma6Installed();
  const dir = mkdtempSync(path.join(tmpdir(), "beacon-prisma6-"));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeSchema(dir: string, name: string, provider: DatabaseProvider, sourceText: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, schemaFor(provider, sourceText).replace(/^(datasource\s+\w+\s*\{)/m, `$1\n  url = "${unusedUrl[provider]}"`));
  return file;
}

function prisma(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const config = ["--config", path.join(toolDir, "prisma.config.ts")];
  const options = {
    cwd: toolDir,
    env: { ...process.env, ...env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 64 << 20,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [prismaCli, ...args, ...config], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? "") });
    });
  });
}
