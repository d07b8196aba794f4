// What every server start and operator command does before touching data: validate the
// environment, make sure the data directory is usable, apply pending migrations.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadEnv, type BeaconEnv } from "@/lib/runtime/env";
import { ensureWritableDir } from "@/lib/runtime/data-dir";
import { ensureSessionSecret } from "@/lib/runtime/secrets";
import { applyMigrations, describeDatabaseError } from "@/lib/db/migrate";
import { isDatabaseUnreachable } from "@/lib/db/database-errors";
import { MANIFEST_FILE } from "@/lib/snapshot/files";

export async function prepareRuntime(options: { log?: (line: string) => void } = {}): Promise<BeaconEnv> {
  const env = prepareEnvironment();
  await applyMigrations(env.database, { log: options.log });
  return env;
}

function prepareEnvironment(): BeaconEnv {
  const env = loadEnv();
  ensureWritableDir(env.dataDir);
  process.env.SESSION_SECRET = ensureSessionSecret(env.dataDir, env.sessionSecret);
  return env;
}

/** Where the server keeps the snapshot of the public site it falls back to (lib/snapshot). */
export function snapshotDir(env: BeaconEnv): string {
  return path.join(env.dataDir, "snapshot");
}

const RETRY_MS = 5_000;

/**
 * `npm start`'s preparation. A status page must come up while its database is down (that is when
 * it is needed most): if the database cannot be reached but a snapshot exists, the server starts
 * anyway, serving the snapshot, and applies migrations in the background once the database
 * answers. Any other failure, or no snapshot to show, still stops the start with a clear line.
 */
export async function prepareServer(options: {
  log: (line: string) => void;
  retryMs?: number;
}): Promise<{ env: BeaconEnv /** Set when the start went ahead without the database: resolves once it answers. */; databaseReady: Promise<void> | null }> {
  const env = prepareEnvironment();
  try {
    await applyMigrations(env.database, { log: options.log });
    return { env, databaseReady: null };
  } catch (error) {
    if (!isDatabaseUnreachable(error) || !existsSync(path.join(snapshotDir(env), MANIFEST_FILE))) throw error;
    options.log(`${describeDatabaseError(error)} — starting anyway: serving the last snapshot and retrying every ${(options.retryMs ?? RETRY_MS) / 1000} s`);
    const databaseReady = new Promise<void>((resolve) => {
      const attempt = () => {
        applyMigrations(env.database, { log: options.log }).then(
          () => {
            options.log("the database is reachable again; serving live data");
            resolve();
          },
          (retryError: unknown) => {
            if (!isDatabaseUnreachable(retryError)) options.log(describeDatabaseError(retryError));
            setTimeout(attempt, options.retryMs ?? RETRY_MS).unref();
          },
        );
      };
      setTimeout(attempt, options.retryMs ?? RETRY_MS).unref();
    });
    return { env, databaseReady };
  }
}

export function describeDatabase(env: BeaconEnv): string {
  if (env.database.provider === "sqlite") return `SQLite ${env.database.file}`;
  const url = new URL(env.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
