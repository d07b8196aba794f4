import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaFor } from "@/lib/db/schema-variants";

const source = readFileSync("prisma/schema.prisma", "utf8");

function changedLines(a: string, b: string): string[] {
  const left = a.split("\n");
  return b.split("\n").filter((line, i) => line !== left[i]);
}

describe("schemaFor", () => {
  it("derives PostgreSQL by changing only the provider and the client output", () => {
    const postgresql = schemaFor("postgresql", source);
    expect(changedLines(source, postgresql).map((line) => line.trim().replace(/\s+/g, " "))).toEqual([
      'output = "../generated/prisma-pg"',
      'provider = "postgresql"',
    ]);
  });

  it("gives back prisma/schema.prisma for SQLite, also from the PostgreSQL variant", () => {
    expect(schemaFor("sqlite", source)).toBe(source);
    expect(schemaFor("sqlite", schemaFor("postgresql", source))).toBe(source);
  });

  it("says which line it could not find", () => {
    expect(() => schemaFor("postgresql", "model A {\n  id Int @id\n}\n")).toThrow("exactly one datasource block (found 0)");
    const noOutput = source.replace(/^\s*output\s*=.*$/m, "");
    expect(() => schemaFor("postgresql", noOutput)).toThrow('the generator block in prisma/schema.prisma has no output = "…" line');
  });
});
