// Turns driver errors (better-sqlite3, pg, node:net) into one line an operator can act on.

export type DatabaseLocation = { provider: "sqlite"; file: string } | { provider: "postgresql"; url: string };

/** A database failure whose message is already written for the operator. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

export function describeDatabaseError(error: unknown, target?: DatabaseLocation): string {
  if (error instanceof DatabaseError) return error.message;
  const { code, message } = errorParts(error);
  const where = target ? describeLocation(target) : "the database";
  const hint = "; is the server running and is DATABASE_URL right?";
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach ${where}: connection refused${hint}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot reach ${where}: host not found${hint}`;
    case "ETIMEDOUT":
    case "ECONNRESET":
      return `cannot reach ${where}: ${code === "ETIMEDOUT" ? "connection timed out" : "connection reset"}${hint}`;
    case "28P01":
    case "28000":
      return `${where} refused the login: ${message}; check the user and password in DATABASE_URL`;
    case "3D000":
      return `${where}: ${message}; create the database first`;
    case "42501":
      return `${where}: ${message}; the user needs rights to create tables`;
    case "57P03":
    case "53300":
      return `${where} is not accepting connections right now: ${message}`;
    case "SQLITE_CANTOPEN":
      return `cannot open ${where}: its directory is missing or not accessible`;
    case "SQLITE_READONLY":
      return `${where} is read-only; give the server's user write access to the file and its directory`;
    case "SQLITE_BUSY":
      return `${where} is locked by another process; try again`;
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return `${where} is not a usable SQLite database: ${message}`;
  }
  if (/directory does not exist/i.test(message)) return `cannot open ${where}: its directory does not exist`;
  return target ? `${where}: ${message}` : message;
}

export function describeLocation(target: DatabaseLocation): string {
  if (target.provider === "sqlite") return `SQLite database ${target.file}`;
  try {
    const url = new URL(target.url);
    return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}

function errorParts(error: unknown): { code: string; message: string } {
  const value = (error ?? {}) as { code?: unknown; message?: unknown; errors?: unknown };
  // node:net reports every address it tried (e.g. ::1 and 127.0.0.1) as one AggregateError.
  const first = Array.isArray(value.errors) ? (value.errors[0] as { message?: unknown } | undefined) : undefined;
  const message = String(value.message || first?.message || error);
  const code = typeof value.code === "string" ? value.code : "";
  return { code: code.startsWith("SQLITE_READONLY") ? "SQLITE_READONLY" : code.startsWith("SQLITE_CANTOPEN") ? "SQLITE_CANTOPEN" : code, message };
}
