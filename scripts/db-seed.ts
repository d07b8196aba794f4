// `npm run db:seed -- --demo [--force | --if-empty]`, `npm run db:seed -- --history N`, or both: demo data and/or
// a synthetic history into DATABASE_URL, after applying pending migrations.
import { parseArgs } from "node:util";
import * as z from "zod";
import { prepareRuntime } from "../lib/server/boot";
import { CliError, runCli } from "../lib/server/cli";
import { createDb } from "../lib/db/client";
import { isDatabaseEmpty, seedDemo, seedHistory, SeedRefusedError, type SeedCounts } from "../lib/db/seed";

const USAGE = "usage: npm run db:seed -- [--demo] [--history N] [--force | --if-empty]";

const argsSchema = z
  .object({
    demo: z.boolean().default(false),
    force: z.boolean().default(false),
    // For `npm run up`: seed a new database, leave one with any content alone (exit 0).
    "if-empty": z.boolean().default(false),
    history: z
      .string()
      .regex(/^\d+$/, "--history needs a whole number of incidents, e.g. --history 10000")
      .transform(Number)
      .pipe(z.number().min(1, "--history needs at least 1 incident").max(1_000_000, "--history takes at most 1000000 incidents"))
      .optional(),
  })
  .refine((args) => args.demo || args.history !== undefined, "nothing to do: pass --demo and/or --history N")
  .refine((args) => !(args.force && args["if-empty"]), "--force and --if-empty contradict each other");

function parseCommandLine(argv: string[]): z.infer<typeof argsSchema> {
  let values: unknown;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: { demo: { type: "boolean" }, force: { type: "boolean" }, "if-empty": { type: "boolean" }, history: { type: "string" } },
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message.split(". ")[0]}; ${USAGE}`);
  }
  const result = argsSchema.safeParse(values);
  if (!result.success) throw new CliError(`${result.error.issues[0]?.message}; ${USAGE}`);
  return result.data;
}

function describeCounts({ components, incidents, posts, stateChanges }: SeedCounts): string {
  return `${components} components, ${incidents} incidents, ${posts} posts, ${stateChanges} state changes`;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, string]> {
  const started = performance.now();
  const result = await work();
  return [result, `${((performance.now() - started) / 1000).toFixed(2)} s`];
}

function refusedUnlessForced(error: unknown): never {
  if (error instanceof SeedRefusedError) {
    throw new CliError(`${error.message}; run again with --force to replace all components and incidents (users, API tokens and the audit log are kept)`);
  }
  throw error;
}

await runCli("db:seed", async () => {
  const args = parseCommandLine(process.argv.slice(2));
  const env = await prepareRuntime({ log: (line) => console.log(`migrate: ${line}`) });
  const db = createDb(env.database);
  const now = new Date();
  try {
    if (args["if-empty"] && !(await isDatabaseEmpty(db))) {
      console.log("the database already has content; leaving it as it is");
      return;
    }
    // --force applies once, to the first step: a combined run replaces everything, then adds to it.
    if (args.demo) {
      const [result, took] = await timed(() => seedDemo(db, { now, force: args.force }).catch(refusedUnlessForced));
      if (result.status === "already-present") console.log("demo data already present");
      else console.log(`demo: ${result.replaced ? "replaced the content with" : "seeded"} ${describeCounts(result.counts)} in ${took}`);
    }
    if (args.history !== undefined) {
      const count = args.history;
      const force = args.force && !args.demo;
      const [result, took] = await timed(() => seedHistory(db, { count, now, force }).catch(refusedUnlessForced));
      if (result.status === "already-present") console.log(`synthetic history of ${count} incidents already present`);
      else {
        const numbers = result.numbers ? ` (#${result.numbers.first}–#${result.numbers.last})` : "";
        console.log(`history: ${result.replaced ? "replaced the content with" : "seeded"} ${describeCounts(result.counts)}${numbers} in ${took}`);
      }
    }
  } finally {
    await db.$disconnect();
  }
});
