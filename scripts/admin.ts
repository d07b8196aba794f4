// `npm run admin -- create --email E --password P --role admin | list | set-role --email E --role R |
// reset-password --email E --password P`: user management from the terminal (the first admin).
import { parseArgs } from "node:util";
import * as z from "zod";
import { prepareRuntime } from "../lib/boot";
import { CliError, runCli } from "../lib/cli";
import { createDb } from "../lib/db/client";
import type { Actor } from "../lib/auth/roles";
import { createUser, listUsers, resetPassword, setRole, UserError } from "../lib/auth/users";
import { createUserSchema, resetPasswordSchema, setRoleSchema } from "../lib/validation/auth";

const USAGE =
  "usage: npm run admin -- create --email E --password P --role admin|commander|viewer [--name N] | list | set-role --email E --role R | reset-password --email E --password P";

const commands = {
  create: createUserSchema,
  list: z.object({}),
  "set-role": setRoleSchema,
  "reset-password": resetPasswordSchema,
};

/** Whoever runs this command owns the database, so it acts as an admin. */
const CLI_ACTOR: Actor = { userId: null, label: "cli", role: "admin", ip: "" };

function parse<K extends keyof typeof commands>(command: K, argv: string[]): z.infer<(typeof commands)[K]> {
  let values: Record<string, unknown>;
  try {
    const options = { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } } as const;
    values = parseArgs({ args: argv, strict: true, options }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message.split(". ")[0]}; ${USAGE}`);
  }
  const result = commands[command].safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length ? `--${issue.path.join(".")}: ` : "";
    throw new CliError(`${field}${issue.message.replace(/^Invalid input: expected string, received undefined$/, "is required")}`);
  }
  return result.data as z.infer<(typeof commands)[K]>;
}

await runCli("admin", async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !(command in commands)) throw new CliError(USAGE);
  const env = await prepareRuntime();
  const db = createDb(env.database);
  try {
    if (command === "list") {
      for (const user of await listUsers(db)) console.log(`${user.email}\t${user.role}${user.disabled ? "\tdisabled" : ""}`);
    } else if (command === "create") {
      const user = await createUser(db, CLI_ACTOR, parse("create", rest));
      console.log(`created ${user.email} (${user.role})`);
    } else if (command === "set-role") {
      const args = parse("set-role", rest);
      console.log(`${(await setRole(db, CLI_ACTOR, args.email, args.role)).email} is now ${args.role}`);
    } else {
      const args = parse("reset-password", rest);
      console.log(`password of ${(await resetPassword(db, CLI_ACTOR, args.email, args.password)).email} reset; their sessions were ended`);
    }
  } catch (error) {
    throw error instanceof UserError ? new CliError(error.message) : error;
  } finally {
    await db.$disconnect();
  }
});
