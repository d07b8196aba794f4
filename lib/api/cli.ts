// `npm run beacon -- …`: a thin client of the write API for commanders and alerting pipelines.
// Arguments are validated with zod, then one request is sent (with an Idempotency-Key, so the
// retry after a dropped connection cannot publish twice); the answer is one line.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import * as z from "zod";
import { publishablePostTypes } from "@/lib/validation/incidents";

export const USAGE = `usage: npm run beacon -- <command> [options]
  incident open --title T --component SLUG[=green|yellow|red]… [--type investigating|issue|update] --body TEXT
  post NUMBER --type issue|update|investigating --body TEXT [--component SLUG=STATE]…
  resolve NUMBER --body TEXT [--component SLUG=green]…
options: --url URL (or BEACON_URL)  --token TOKEN (or BEACON_TOKEN)  --idempotency-key KEY`;

/** A mistake in the command line (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

const componentArg = z.string().regex(/^[a-z0-9][a-z0-9-]*(=(green|yellow|red))?$/, "use SLUG or SLUG=green|yellow|red, e.g. production=red");
const connection = {
  url: z.url({ protocol: /^https?$/, error: "--url / BEACON_URL must be an http(s) URL such as https://status.example.com" }),
  token: z.string().regex(/^bcn_\S+$/, "--token / BEACON_TOKEN must be an API token (bcn_…); create one at /admin/tokens"),
  idempotencyKey: z.string().min(1).max(200).optional(),
};
const number = z.coerce.number({ error: "give the incident number, e.g. 2105" }).int().positive("give the incident number, e.g. 2105");

const commands = {
  open: z.object({
    ...connection,
    title: z.string().min(1, "--title is required"),
    component: z.array(componentArg).min(1, "name at least one --component"),
    type: z.enum(publishablePostTypes).default("investigating"),
    body: z.string().default(""),
  }),
  post: z.object({
    ...connection,
    number,
    type: z.enum(publishablePostTypes, { error: `--type must be one of ${publishablePostTypes.join(", ")}` }),
    body: z.string().default(""),
    component: z.array(componentArg).default([]),
  }),
  resolve: z.object({ ...connection, number, body: z.string().default(""), component: z.array(componentArg).default([]) }),
};

export interface ApiCall {
  path: string;
  body: Record<string, unknown>;
  url: string;
  token: string;
  idempotencyKey: string;
  describe: (response: { incident: { number: number; url: string } }) => string;
}

function components(args: string[]) {
  const pairs = args.map((arg) => arg.split("=") as [string, string | undefined]);
  return { slugs: pairs.map(([slug]) => slug), stateChanges: pairs.filter(([, state]) => state).map(([componentId, state]) => ({ componentId, state })) };
}

export function parseCommand(argv: string[], env: { BEACON_URL?: string; BEACON_TOKEN?: string; [name: string]: string | undefined }): ApiCall {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = {
      url: { type: "string" },
      token: { type: "string" },
      "idempotency-key": { type: "string" },
      title: { type: "string" },
      type: { type: "string" },
      body: { type: "string" },
      component: { type: "string", multiple: true },
    } as const;
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split(". ")[0]!);
  }
  const [first, second, third] = parsed.positionals;
  const name = first === "incident" && second === "open" ? "open" : first === "post" || first === "resolve" ? first : null;
  if (!name || (name === "open" ? third !== undefined : parsed.positionals.length !== 2)) throw new UsageError(USAGE);
  const values = {
    ...parsed.values,
    url: parsed.values.url ?? env.BEACON_URL,
    token: parsed.values.token ?? env.BEACON_TOKEN,
    idempotencyKey: parsed.values["idempotency-key"],
    number: second,
  };
  const result = commands[name].safeParse(values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const label = issue.path[0] === "number" ? "NUMBER: " : issue.path.length ? `--${String(issue.path[0])}: ` : "";
    throw new UsageError(`${label}${issue.message.replace(/^Invalid input: expected string, received undefined$/, "is required")}`);
  }
  const args = result.data;
  const base = { url: args.url.replace(/\/+$/, ""), token: args.token, idempotencyKey: args.idempotencyKey ?? randomUUID() };
  const { slugs, stateChanges } = components(args.component);
  if (name === "open") {
    const open = args as z.infer<typeof commands.open>;
    return {
      ...base,
      path: "/api/admin/incidents",
      body: { title: open.title, type: open.type, body: open.body, componentIds: slugs, stateChanges },
      describe: (r) => `Opened incident #${r.incident.number}: ${r.incident.url}`,
    };
  }
  const { number: incident } = args as { number: number };
  const type = name === "resolve" ? "resolved" : (args as z.infer<typeof commands.post>).type;
  const verb = name === "resolve" ? "Resolved" : "Posted to";
  return {
    ...base,
    path: `/api/admin/incidents/${incident}/posts`,
    body: { type, body: args.body, stateChanges },
    describe: (r) => `${verb} incident #${r.incident.number}: ${r.incident.url}`,
  };
}

/** Sends the call (retrying twice after a network failure or a 5xx); resolves to the line to print. */
export async function sendCall(call: ApiCall, fetchImpl: typeof fetch = fetch): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchImpl(`${call.url}${call.path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${call.token}`, "Content-Type": "application/json", "Idempotency-Key": call.idempotencyKey },
        body: JSON.stringify(call.body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      if (attempt < 3) continue;
      throw new Error(`cannot reach ${call.url}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
    }
    if (response.status >= 500 && attempt < 3) continue;
    const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; fields?: Record<string, string> } } | null;
    if (response.ok && body) return call.describe(body as Parameters<ApiCall["describe"]>[0]);
    const fields = Object.entries(body?.error?.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
    throw new Error(`${response.status} ${body?.error?.code ?? "error"}: ${fields.length ? fields.join("; ") : (body?.error?.message ?? response.statusText)}`);
  }
}
