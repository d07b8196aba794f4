// `npm run admin -- …`: user management from the terminal, over the same use-cases as the admin UI.
// scripts/admin.ts only opens the database and prints; this parses and runs one command.
import { parseArgs } from "node:util";
import * as z from "zod";
import type { Db } from "@/lib/db/client";
import { CliError } from "@/lib/server/cli";
import type { Actor } from "@/lib/auth/roles";
import { createUser, listUsers, resetPassword, setDisabled, setRole, UserError } from "@/lib/auth/users";
import { createUserSchema, emailSchema, resetPasswordSchema, setRoleSchema } from "@/lib/validation/auth";

export const ADMIN_USAGE =
  "usage: npm run admin -- create --email E --password P --role admin|commander|viewer [--name N] | list | set-role --email E --role R | reset-password --email E --password P | disable --email E | enable --email E";

const byEmail = z.object({ email: emailSchema });
const commands = {
  create: createUserSchema,
  list: z.object({}),
  "set-role": setRoleSchema,
  "reset-password": resetPasswordSchema,
  disable: byEmail,
  enable: byEmail,
};
type Command = keyof typeof commands;

export function isAdminCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(commands, name);
}

/** Whoever runs this command owns the database, so it acts as an admin. */
export const CLI_ACTOR: Actor = { userId: null, label: "cli", role: "admin", ip: "" };

function parse<K extends Command>(command: K, argv: string[]): z.infer<(typeof commands)[K]> {
  let values: Record<string, unknown>;
  try {
    const options = { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } } as const;
    values = parseArgs({ args: argv, strict: true, options }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message.split(". ")[0]}; ${ADMIN_USAGE}`);
  }
  const result = commands[command].safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length ? `--${issue.path.join(".")}: ` : "";
    throw new CliError(`${field}${issue.message.replace(/^Invalid input: expected string, received undefined$/, "is required")}`);
  }
  return result.data as z.infer<(typeof commands)[K]>;
}

/** Runs one command (argv without the node and script paths); returns the lines to print. */
export async function runAdminCommand(db: Db, argv: string[], now: Date): Promise<string[]> {
  const [command, ...rest] = argv;
  if (!isAdminCommand(command)) throw new CliError(ADMIN_USAGE);
  try {
    switch (command) {
      case "list":
        parse("list", rest);
        return (await listUsers(db)).map((user) => `${user.email}\t${user.role}${user.disabled ? "\tdisabled" : ""}`);
      case "create": {
        const user = await createUser(db, CLI_ACTOR, parse("create", rest));
        return [`created ${user.email} (${user.role})`];
      }
      case "set-role": {
        const args = parse("set-role", rest);
        return [`${(await setRole(db, CLI_ACTOR, args.email, args.role)).email} is now ${args.role}`];
      }
      case "reset-password": {
        const args = parse("reset-password", rest);
        return [`password of ${(await resetPassword(db, CLI_ACTOR, args.email, args.password)).email} reset; their sessions were ended`];
      }
      case "disable": {
        const user = await setDisabled(db, CLI_ACTOR, parse("disable", rest).email, true, now);
        return [`${user.email} is disabled: they cannot sign in, their sessions were ended and their API tokens are refused`];
      }
      case "enable": {
        const user = await setDisabled(db, CLI_ACTOR, parse("enable", rest).email, false, now);
        return [`${user.email} is enabled again`];
      }
    }
  } catch (error) {
    throw error instanceof UserError ? new CliError(error.message) : error;
  }
}
