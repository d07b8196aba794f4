// `npm run admin -- create --email E --password P --role admin | list | set-role --email E --role R |
// reset-password --email E --password P | disable --email E | enable --email E`: user management from
// the terminal (the first admin). The commands live in lib/auth/admin-cli.ts.
import { prepareRuntime } from "../lib/server/boot";
import { CliError, runCli } from "../lib/server/cli";
import { createDb } from "../lib/db/client";
import { ADMIN_USAGE, isAdminCommand, runAdminCommand } from "../lib/server/admin-cli";

await runCli("admin", async () => {
  if (!isAdminCommand(process.argv[2])) throw new CliError(ADMIN_USAGE);
  const env = await prepareRuntime();
  const db = createDb(env.database);
  try {
    for (const line of await runAdminCommand(db, process.argv.slice(2), new Date())) console.log(line);
  } finally {
    await db.$disconnect();
  }
});
