// Generates both Prisma clients from the one model file: prisma/schema.prisma (SQLite) as is,
// and a PostgreSQL variant derived from it (provider and output differ, nothing else).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaFor } from "../lib/db/schema-variants";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma/schema.prisma");
const derived = path.join(root, "prisma/schema.postgresql.prisma");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");

writeFileSync(derived, schemaFor("postgresql", readFileSync(source, "utf8")));

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
for (const schema of [source, derived]) {
  if (!existsSync(schema)) throw new Error(`missing ${schema}`);
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}
console.log("Generated Prisma clients: generated/prisma-sqlite, generated/prisma-pg");
