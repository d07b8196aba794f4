// The two databases a fault test (or the benchmark) runs against: a SQLite file, and PostgreSQL in a throwaway cluster
// of its own (so a test may stop and restart it). Each comes with an empty data directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPgCluster, type PgCluster } from "./pg-cluster";

export interface ThrowawayDatabase {
  databaseUrl: string;
  /** The server's BEACON_DATA_DIR (snapshot, generated secrets). */
  dataDir: string;
  /** Set for PostgreSQL: pause() and resume() stop and restart the database server. */
  cluster?: PgCluster;
  close(): Promise<void>;
}

export type Provider = "sqlite" | "postgresql";

export async function createThrowawayDatabase(provider: Provider): Promise<ThrowawayDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "beacon-fault-"));
  if (provider === "sqlite") {
    return { databaseUrl: `file:${path.join(dataDir, "beacon.db")}`, dataDir, close: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const cluster = await startPgCluster();
  return {
    databaseUrl: cluster.url,
    dataDir,
    cluster,
    async close() {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PROVIDERS: { name: string; provider: Provider }[] = [
  { name: "SQLite", provider: "sqlite" },
  { name: "PostgreSQL", provider: "postgresql" },
];
