// Shared by the scripts/ entry points: known failures end in one readable line, not a stack.
import { EnvError } from "@/lib/runtime/env";
import { DataDirError } from "@/lib/runtime/data-dir";
import { describeDatabaseError } from "@/lib/db/migrate";

/** A failure the operator can fix; its message is shown as is. */
export class CliError extends Error {
  override name = "CliError";
}

export async function runCli(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`${name}: ${explain(error)}`);
    if (process.env.BEACON_DEBUG) console.error(error);
    process.exit(1);
  }
}

function explain(error: unknown): string {
  if (error instanceof CliError || error instanceof EnvError || error instanceof DataDirError) return error.message;
  return describeDatabaseError(error);
}
