// Turns driver errors (better-sqlite3, pg, node:net) into one line an operator can act on.

export type DatabaseLocation = { provider: "sqlite"; file: string } | { provider: "postgresql"; url: string };

/** A database failure whose message is already written for the operator. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

// Errors that mean "the database is not there right now" (as opposed to a bad query or a bad
// migration): the public pages fall back to the last snapshot, the admin says publishing is
// unavailable, and a server start keeps serving the snapshot while it retries.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300", // PostgreSQL: shutting down, cannot connect now, too many connections
  "P1001",
  "P1002",
  "P1017", // Prisma: can't reach, timed out, server closed the connection
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_PERM",
  "SQLITE_NOTADB",
  "SQLITE_CORRUPT",
]);
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|Can't reach database|Connection terminated|connection timeout|timeout exceeded when trying to connect|unable to open database|Cannot open database because the directory does not exist|server closed the connection|DatabaseNotReachable|the database system is (shutting down|starting up)/i;

/** True when the error (or anything in its cause chain) says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 8; depth++) {
    const value = current as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown; kind?: unknown; unreachable?: unknown };
    if (value.unreachable === true) return true;
    const code = typeof value.code === "string" ? value.code.replace(/^(SQLITE_[A-Z]+)_.*/, "$1") : "";
    if (UNREACHABLE_CODES.has(code) || value.kind === "DatabaseNotReachable") return true;
    if (typeof value.message === "string" && UNREACHABLE_MESSAGE.test(value.message)) return true;
    if (Array.isArray(value.errors) && value.errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    current = value.cause;
  }
  return false;
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

/** The digest of an admin error that means "the database cannot be reached" (Next keeps a thrown error's own digest). */
export const DATABASE_UNAVAILABLE_DIGEST = "BEACON_DATABASE_UNAVAILABLE";

/** Carries the digest to the admin's error page; `unreachable` lets isDatabaseUnreachable recognise it again. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  readonly unreachable = true;
  constructor(options?: { cause?: unknown }) {
    super("The database cannot be reached — publishing is unavailable.", options);
  }
}
