// The app's own code reads its database from globalThis.beaconDb (lib/db/client.ts). Tests that go
// through the app's entry points (public server, write API server, forms) put a throwaway database
// there, with no snapshot or prepared public answer left from before, and take it away afterwards.
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { clearCurrentSnapshot } from "@/lib/snapshot/current";
import { openTestDatabase, type providers } from "./test-databases";

const globals = globalThis as unknown as { beaconDb?: Db };

export type AppDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

/** Makes `db` the app's database and drops every public answer prepared from another one. */
export function serveFrom(db: Db): void {
  globals.beaconDb = db;
  clearCurrentSnapshot();
  invalidatePublicViews();
}

/** A migrated database (the demo seeded into it when `demo` is set) that the app reads until `close()`. */
export async function openAppDatabase(provider: (typeof providers)[number], { demo = false } = {}): Promise<AppDatabase> {
  const database = await openTestDatabase(provider);
  if (demo) await seedDemo(database.db, { now: new Date() });
  serveFrom(database.db);
  return {
    ...database,
    async close() {
      clearCurrentSnapshot();
      globals.beaconDb = undefined;
      await database.close();
    },
  };
}
