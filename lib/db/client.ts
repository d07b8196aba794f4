// The only module that imports the generated Prisma clients. The provider is chosen by
// DATABASE_URL: `file:` → SQLite (embedded default), `postgres(ql)://` → PostgreSQL.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import { PrismaClient as SqliteClient } from "@/generated/prisma-sqlite/client";
import { PrismaClient as PgClient } from "@/generated/prisma-pg/client";
import { loadEnv, type DatabaseTarget } from "@/lib/runtime/env";

/** Both generated clients expose the same model API; the SQLite one's types stand for both. */
export type Db = SqliteClient;
/** The client inside an interactive transaction. */
export type Tx = Omit<Db, ITXClientDenyList>;

export interface DbOptions {
  /** Called with every SQL statement sent (`npm run bench` prints the plans of the hot ones). */
  onQuery?: (event: { query: string; params: string; duration: number }) => void;
}

export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  const log = options.onQuery ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  let client: Db;
  if (target.provider === "sqlite") {
    const adapter = lazyAdapter<PrismaBetterSqlite3>(
      { provider: "sqlite", adapterName: "@prisma/adapter-better-sqlite3" },
      // unixepoch-ms keeps DateTime columns numeric, so range queries and ordering are exact.
      async () => new (await import("@prisma/adapter-better-sqlite3")).PrismaBetterSqlite3({ url: target.file }, { timestampFormat: "unixepoch-ms" }),
    );
    client = new SqliteClient({ adapter, errorFormat: "minimal", log }) as Db;
  } else {
    const adapter = lazyAdapter<PrismaPg>(
      { provider: "postgres", adapterName: "@prisma/adapter-pg" },
      // A database that does not answer must fail a request in seconds, not hang it: the public
      // pages then fall back to the snapshot and the admin says publishing is unavailable.
      async () => new (await import("@prisma/adapter-pg")).PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 }),
    );
    client = new PgClient({ adapter, errorFormat: "minimal", log }) as unknown as Db;
  }
  if (options.onQuery) (client as unknown as { $on(event: "query", listener: DbOptions["onQuery"]): void }).$on("query", options.onQuery);
  return client;
}

/**
 * A driver adapter whose package (and database driver) is loaded when the client first connects:
 * a server on SQLite never loads pg, one on PostgreSQL never loads better-sqlite3, and neither
 * pays for it before its first query.
 */
function lazyAdapter<Adapter extends PrismaPg | PrismaBetterSqlite3>(info: Pick<Adapter, "provider" | "adapterName">, load: () => Promise<Adapter>): Adapter {
  let loaded: Promise<Adapter> | null = null;
  const adapter = () => (loaded ??= load());
  return {
    ...info,
    connect: async () => (await adapter()).connect(),
    connectToShadowDb: async () => (await adapter()).connectToShadowDb(),
  } as Adapter;
}

const globalForDb = globalThis as unknown as { beaconDb?: Db };

/** The process-wide client, created on first use from the validated environment. */
export function db(): Db {
  globalForDb.beaconDb ??= createDb(loadEnv().database);
  return globalForDb.beaconDb;
}
