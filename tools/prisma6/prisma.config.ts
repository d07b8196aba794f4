// Prisma 6 with its JS schema engine over a driver adapter: the only way to run Prisma Migrate
// offline here (Prisma 7's Migrate needs a downloaded native engine). `migrate diff` between
// datamodels needs no database, so the default is an in-memory libSQL one; set
// PRISMA6_DATABASE_URL (file:… or postgres://…) to point `migrate status/deploy` at a real one.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Any existing file will do: these stop Prisma from trying to download engines it won't use.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const url = process.env.PRISMA6_DATABASE_URL ?? ":memory:";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => (/^postgres(ql)?:\/\//.test(url) ? new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 }) : new PrismaLibSQL({ url })),
});
