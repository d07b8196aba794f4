// `npm run db:migrate`: applies pending migrations to DATABASE_URL (default file:./data/beacon.db).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { runCli } from "../lib/server/cli";
import { describeLocation } from "../lib/db/database-errors";
import { applyMigrations } from "../lib/db/migrate";
import { DEFAULT_DATABASE_URL, loadEnv } from "../lib/runtime/env";

await runCli("db:migrate", async () => {
  const { database } = loadEnv();
  if (database.provider === "sqlite") mkdirSync(path.dirname(database.file), { recursive: true });
  const { applied, alreadyApplied } = await applyMigrations(database, { log: (line) => console.log(line) });
  const where = `${describeLocation(database)}${process.env.DATABASE_URL ? "" : ` (default ${DEFAULT_DATABASE_URL})`}`;
  console.log(`${where}: ${applied.length} migration(s) applied, ${alreadyApplied} already applied before`);
});
