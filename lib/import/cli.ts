// `npm run beacon -- import --from statuspage|heroku URL …`: history from another status page,
// written straight into this Beacon's database (DATABASE_URL), like `npm run admin`. The steps:
// read the source (fetch.ts), map it (statuspage.ts / heroku.ts → plan.ts), print the plan and
// the report of what could not be mapped, then write it (write.ts) unless --dry-run.
import { parseArgs } from "node:util";
import * as z from "zod";
import type { Db } from "@/lib/db/client";
import { CliError } from "@/lib/server/cli";
import { fetchHeroku, fetchStatuspage, readHerokuFiles, readStatuspageFiles, sourceUrl } from "./fetch";
import { readHeroku } from "./heroku";
import type { SourceHistory } from "./history";
import { describePlan, type ImportPlan, planImport } from "./plan";
import { readStatuspage } from "./statuspage";
import { loadImportState, writeImport } from "./write";

/** Statuspage's public incidents.json and scheduled-maintenances.json stop at the 50 most recent. */
const STATUSPAGE_PUBLIC_LIMIT = 50;

export const IMPORT_USAGE = `usage: npm run beacon -- import --from statuspage|heroku URL [options]
  --file F              read saved API answers instead of URL (repeat for several files; URL then only names the source)
  --map "Name=slug"     import the source's component Name as the Beacon component slug (repeatable)
  --create-components   create the components that match none by name (else their states are left out, and reported)
  --dry-run             print what would be imported; write nothing`;

const args = z.object({
  from: z.enum(["statuspage", "heroku"], { error: "--from must be statuspage or heroku" }),
  url: z.string().optional(),
  file: z.array(z.string()).default([]),
  map: z.array(z.string().regex(/^[^=]+=[a-z0-9][a-z0-9-]*$/, 'use --map "Source name=beacon-slug"')).default([]),
  createComponents: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type ImportArgs = z.infer<typeof args>;

export function isImportCommand(argv: readonly string[]): boolean {
  return argv[0] === "import";
}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.slice(1),
      options: {
        from: { type: "string" },
        file: { type: "string", multiple: true },
        map: { type: "string", multiple: true },
        "create-components": { type: "boolean" },
        "dry-run": { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message.split(". ")[0]}\n${IMPORT_USAGE}`);
  }
  if (positionals.length > 1) throw new CliError(IMPORT_USAGE);
  const result = args.safeParse({ ...values, url: positionals[0], createComponents: values["create-components"], dryRun: values["dry-run"] });
  if (!result.success) throw new CliError(`${result.error.issues[0]!.message}\n${IMPORT_USAGE}`);
  const parsed = result.data;
  if (!parsed.url && parsed.file.length === 0) throw new CliError(`give the source's URL (or --file)\n${IMPORT_USAGE}`);
  if (!parsed.url && parsed.from === "heroku")
    throw new CliError("--from heroku --file F also needs the source's URL: it keys the import, so a later run imports nothing twice");
  return parsed;
}

/** The source's history, from its API or from saved files. */
export async function readSource(options: Pick<ImportArgs, "from" | "url" | "file">): Promise<SourceHistory> {
  const base = options.url ? sourceUrl(options.url) : null;
  const files = options.file;
  if (options.from === "heroku") return readHeroku(files.length > 0 ? await readHerokuFiles(files) : await fetchHeroku(base!), base!);
  const answers = files.length > 0 ? await readStatuspageFiles(files) : await fetchStatuspage(base!);
  const named = base ?? (answers.page?.url ? sourceUrl(answers.page.url) : null);
  if (!named) throw new CliError("the saved answers name no page (page.url): give the source's URL too");
  const history = readStatuspage(answers, named);
  if ((answers.incidents?.length ?? 0) >= STATUSPAGE_PUBLIC_LIMIT) {
    history.problems.push(`Statuspage's public API lists only the ${STATUSPAGE_PUBLIC_LIMIT} most recent incidents: older ones are not in it`);
  }
  return history;
}

export async function planFromSource(db: Db, options: ImportArgs): Promise<ImportPlan> {
  const history = await readSource(options);
  const map = new Map(options.map.map((pair) => pair.split("=") as [string, string]));
  return planImport(history, await loadImportState(db, history.source), { map, createComponents: options.createComponents });
}

/** Runs the command; returns the lines to print. */
export async function runImport(db: Db, argv: readonly string[], now: Date): Promise<string[]> {
  const options = parseImportArgs(argv);
  const plan = await planFromSource(db, options);
  const report = plan.report.length > 0 ? ["not imported or changed on the way:", ...plan.report.map((line) => `  ${line}`)] : [];
  if (options.dryRun) return ["dry run: nothing written", ...describePlan(plan), ...report];
  await writeImport(db, plan, now);
  return [
    ...describePlan(plan, 0)
      .slice(0, 1)
      .map((line) => `imported ${line}`),
    ...report,
  ];
}
