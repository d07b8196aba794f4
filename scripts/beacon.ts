// `npm run beacon -- incident open|post|resolve|deploy …`: publish (or record a deploy) from a
// terminal or CI over the write API. Exit codes: 0 done, 1 the server refused, the deploy gate is
// closed or the server could not be reached, 2 a usage mistake.
// `npm run beacon -- import …` instead writes history into this Beacon's database (lib/import/cli.ts).
import { parseCommand, sendCall, UsageError } from "../lib/api/cli";
import { createDb } from "../lib/db/client";
import { isImportCommand, runImport } from "../lib/import/cli";
import { prepareRuntime } from "../lib/server/boot";
import { runCli } from "../lib/server/cli";

const argv = process.argv.slice(2);
if (isImportCommand(argv)) {
  await runCli("beacon import", async () => {
    const env = await prepareRuntime();
    const db = createDb(env.database);
    try {
      for (const line of await runImport(db, argv, new Date())) console.log(line);
    } finally {
      await db.$disconnect();
    }
  });
} else {
  try {
    console.log(await sendCall(parseCommand(argv, process.env)));
  } catch (error) {
    console.error(`beacon: ${(error as Error).message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
