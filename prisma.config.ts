// Prisma CLI configuration. Only `prisma generate` runs here; migrations are applied by
// lib/db/migrate.ts (see README, "Migrations"). The schema engine binary is never used by
// generate, so point it at any existing file instead of letting Prisma download one.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations/sqlite" },
});
