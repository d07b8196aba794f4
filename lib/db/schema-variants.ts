// The PostgreSQL schema is derived from prisma/schema.prisma (SQLite) by changing exactly two
// lines, so the models cannot drift between the providers. Pure: text in, text out.

export type DatabaseProvider = "sqlite" | "postgresql";

const clientOutput: Record<DatabaseProvider, string> = {
  sqlite: "../generated/prisma-sqlite",
  postgresql: "../generated/prisma-pg",
};

export class SchemaVariantError extends Error {
  override name = "SchemaVariantError";
}

export function schemaFor(provider: DatabaseProvider, sourceText: string): string {
  const withProvider = replaceInBlock(sourceText, "datasource", "provider", provider);
  return replaceInBlock(withProvider, "generator", "output", clientOutput[provider]);
}

/** Replaces `key = "…"` inside the one `<kind> name { … }` block of the schema. */
function replaceInBlock(text: string, kind: "datasource" | "generator", key: string, value: string): string {
  const blocks = [...text.matchAll(new RegExp(`^${kind}\\s+\\w+\\s*\\{[^}]*\\}`, "gm"))];
  if (blocks.length !== 1) {
    throw new SchemaVariantError(`prisma/schema.prisma must contain exactly one ${kind} block (found ${blocks.length})`);
  }
  const block = blocks[0]!;
  const line = new RegExp(`^(\\s*${key}\\s*=\\s*)"[^"]*"`, "m");
  if (!line.test(block[0])) {
    throw new SchemaVariantError(`the ${kind} block in prisma/schema.prisma has no ${key} = "…" line`);
  }
  const replaced = block[0].replace(line, (_match, prefix: string) => `${prefix}"${value}"`);
  return text.slice(0, block.index) + replaced + text.slice(block.index + block[0].length);
}
