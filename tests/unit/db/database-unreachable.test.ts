import { describe, expect, it } from "vitest";
import { DatabaseError, isDatabaseUnreachable } from "@/lib/db/database-errors";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("isDatabaseUnreachable", () => {
  it.each([
    ["connection refused", withCode("ECONNREFUSED")],
    ["PostgreSQL shutting down", withCode("57P01", "terminating connection due to administrator command")],
    ["PostgreSQL starting up", withCode("57P03")],
    ["Prisma cannot reach the server", withCode("P1001")],
    ["SQLite file cannot be opened", withCode("SQLITE_CANTOPEN")],
    ["SQLite I/O error subtype", withCode("SQLITE_IOERR_READ")],
    ["SQLite directory gone (better-sqlite3)", new TypeError("Cannot open database because the directory does not exist")],
    ["pg pool timeout", new Error("timeout exceeded when trying to connect")],
    ["pg connection dropped", new Error("Connection terminated unexpectedly")],
    ["node:net AggregateError", Object.assign(new AggregateError([withCode("ECONNREFUSED")], ""), {})],
    ["wrapped in a cause chain", new DatabaseError("cannot reach PostgreSQL", { cause: new Error("x", { cause: withCode("ECONNREFUSED") }) })],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ["a unique constraint violation", withCode("P2002", "Unique constraint failed")],
    ["a syntax error", withCode("42601", "syntax error at or near")],
    ["a read-only SQLite file (reachable, just not writable)", withCode("SQLITE_READONLY")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not count %s", (_label, error) => {
    expect(isDatabaseUnreachable(error)).toBe(false);
  });
});
