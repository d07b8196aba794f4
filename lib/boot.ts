// What every server start and operator command does before touching data: validate the
// environment, make sure the data directory is usable, apply pending migrations.
import { loadEnv, type BeaconEnv } from "@/lib/env";
import { ensureWritableDir } from "@/lib/data-dir";
import { ensureSessionSecret } from "@/lib/secrets";
import { applyMigrations } from "@/lib/db/migrate";

export async function prepareRuntime(options: { log?: (line: string) => void } = {}): Promise<BeaconEnv> {
  const env = loadEnv();
  ensureWritableDir(env.dataDir);
  process.env.SESSION_SECRET = ensureSessionSecret(env.dataDir, env.sessionSecret);
  await applyMigrations(env.database, { log: options.log });
  return env;
}

export function describeDatabase(env: BeaconEnv): string {
  if (env.database.provider === "sqlite") return `SQLite ${env.database.file}`;
  const url = new URL(env.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
