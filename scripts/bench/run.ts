// What every bench script does alike: read its command line (`--db` and whole-number options) and
// measure on each chosen database, created and seeded with the demo data, then dropped.
import { parseArgs } from "node:util";
import { createThrowawayDatabase, PROVIDERS, type ThrowawayDatabase } from "../support/databases";
import { seedDatabase } from "../support/seed";

/** `--db=sqlite|postgresql|both` and `--<name>=N` for each count (a whole number > 0, by default the one given); anything else is refused. */
export function benchArgs<Name extends string>(defaults: Record<Name, number>): Record<Name, number> & { db: string; providers: typeof PROVIDERS } {
  const names = Object.keys(defaults) as Name[];
  const { values } = parseArgs<{ options: Record<string, { type: "string"; default: string }> }>({
    options: {
      db: { type: "string", default: "both" },
      ...Object.fromEntries(names.map((name) => [name, { type: "string" as const, default: String(defaults[name]) }])),
    },
  });
  const counts = Object.fromEntries(names.map((name) => [name, Number(values[name])])) as Record<Name, number>;
  if (!names.every((name) => Number.isInteger(counts[name]) && counts[name] > 0)) {
    const flags = names.map((name) => `--${name}`);
    throw new Error(`${flags.length > 1 ? `${flags.slice(0, -1).join(", ")} and ${flags.at(-1)}` : flags[0]} take whole numbers > 0`);
  }
  const db = String(values.db);
  const providers = PROVIDERS.filter(({ provider }) => db === "both" || db === provider);
  if (providers.length === 0) throw new Error("--db takes sqlite, postgresql or both");
  return { ...counts, db, providers };
}

/** Runs `measure` on each of `providers` in turn: a throwaway database seeded with the demo, dropped afterwards. */
export async function onEachSeededDatabase(providers: typeof PROVIDERS, measure: (name: string, database: ThrowawayDatabase) => Promise<void>): Promise<void> {
  for (const { name, provider } of providers) {
    const database = await createThrowawayDatabase(provider);
    try {
      await seedDatabase(database);
      await measure(name, database);
    } finally {
      await database.close();
    }
  }
}
