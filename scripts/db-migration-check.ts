// `tsx scripts/db-migration-check.ts`: quick drift check on SQLite only (the integration tests
// check PostgreSQL too). Fails when prisma/schema.prisma changed without a migration.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliError, runCli } from "../lib/server/cli";
import { driftMessage, migrationDrift } from "../lib/db/migration-drift";

await runCli("db:migration:check", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "beacon-check-"));
  try {
    const drift = await migrationDrift(
      { provider: "sqlite", file: path.join(dir, "migrated.db") },
      { provider: "sqlite", file: path.join(dir, "generated.db") },
      readFileSync("prisma/schema.prisma", "utf8"),
    );
    if (drift.length > 0) throw new CliError(driftMessage(drift));
    console.log("prisma/schema.prisma and prisma/migrations agree (SQLite)");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
