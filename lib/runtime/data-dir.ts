// The data directory holds the SQLite file, the generated session secret and (later) snapshots.
import { accessSync, constants, mkdirSync } from "node:fs";

export class DataDirError extends Error {
  override name = "DataDirError";
}

export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new DataDirError(`data directory ${dir} is not writable (${code}); set BEACON_DATA_DIR or fix its permissions`);
  }
}
