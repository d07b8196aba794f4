// `npm run beacon -- …`: a thin client of the write API for commanders and alerting pipelines.
// Arguments are validated with zod, then one request is sent (with an Idempotency-Key, so the
// retry after a dropped connection cannot publish twice); the answer is one line.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import * as z from "zod";
import { DEPLOY_ENVIRONMENTS } from "@/lib/validation/deploys";
import { publishablePostTypes } from "@/lib/validation/incidents";

export const USAGE = `usage: npm run beacon -- <command> [options]
  incident open --title T --component SLUG[=green|yellow|red]… [--type investigating|issue|update] --body TEXT
  post NUMBER --type issue|update|investigating --body TEXT [--component SLUG=STATE]…
  resolve NUMBER --body TEXT [--component SLUG=green]…
  deploy --service S --version V [--previous V] [--environment production|development] [--deploy-url URL] [--who NAME] [--force]
         (asks the deploy gate first; while it is closed, exits 1 unless --force, which is recorded)
  import --from statuspage|heroku URL …  (history into this Beacon's database; see npm run beacon -- import)
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
  deploy: z.object({
    ...connection,
    service: z.string({ error: "--service is required" }).min(1, "--service is required"),
    version: z.string({ error: "--version is required" }).min(1, "--version is required"),
    previous: z.string().min(1).optional(),
    environment: z.enum(DEPLOY_ENVIRONMENTS, { error: "must be production or development" }).default("production"),
    deployUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    who: z.string().min(1).optional(),
    force: z.boolean().default(false),
  }),
};

/** The deploy gate's answer, as the API sends it. */
interface GateAnswer {
  reason?: string;
  incidents?: { number: number; title: string; current_state: string; commander: string | null }[];
  freezes?: { frozen_by: string; reason: string }[];
}

export interface ApiCall {
  path: string;
  body: Record<string, unknown>;
  url: string;
  token: string;
  idempotencyKey: string;
  describe: (response: ApiAnswer) => string;
  /** Asked first with a GET: while the gate is closed the call is not sent, unless forced. */
  gate?: { path: string; force: boolean };
}

type ApiAnswer = { incident: { number: number; url: string }; deploy: { id: number; forced_through_gate: boolean } };

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
      service: { type: "string" },
      version: { type: "string" },
      previous: { type: "string" },
      environment: { type: "string" },
      "deploy-url": { type: "string" },
      who: { type: "string" },
      force: { type: "boolean" },
    } as const;
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split(". ")[0]!);
  }
  const [first, second, third] = parsed.positionals;
  const name = first === "incident" && second === "open" ? "open" : first === "post" || first === "resolve" || first === "deploy" ? first : null;
  const positionals = { open: 2, post: 2, resolve: 2, deploy: 1 } as const;
  if (!name || parsed.positionals.length !== positionals[name] || (name === "open" && third !== undefined)) throw new UsageError(USAGE);
  const values = {
    ...parsed.values,
    url: parsed.values.url ?? env.BEACON_URL,
    token: parsed.values.token ?? env.BEACON_TOKEN,
    idempotencyKey: parsed.values["idempotency-key"],
    deployUrl: parsed.values["deploy-url"],
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
  if (name === "deploy") return deployCall(base, args as z.infer<typeof commands.deploy>, env);
  const { slugs, stateChanges } = components((args as { component: string[] }).component);
  if (name === "open") {
    const open = args as z.infer<typeof commands.open>;
    return {
      ...base,
      path: "/api/admin/incidents",
      body: { title: open.title, type: open.type, body: open.body, componentIds: slugs, stateChanges },
      describe: (r) => `Opened incident #${r.incident.number}: ${r.incident.url}`,
    };
  }
  const { number: incident, body } = args as { number: number; body: string };
  const type = name === "resolve" ? "resolved" : (args as z.infer<typeof commands.post>).type;
  const verb = name === "resolve" ? "Resolved" : "Posted to";
  return {
    ...base,
    path: `/api/admin/incidents/${incident}/posts`,
    body: { type, body, stateChanges },
    describe: (r) => `${verb} incident #${r.incident.number}: ${r.incident.url}`,
  };
}

/** `deploy`: who deployed defaults to the CI's user ($USER); the gate is asked first. */
function deployCall(
  base: Pick<ApiCall, "url" | "token" | "idempotencyKey">,
  args: z.infer<typeof commands.deploy>,
  env: Record<string, string | undefined>,
): ApiCall {
  const query = new URLSearchParams({ service: args.service, environment: args.environment });
  return {
    ...base,
    path: "/api/admin/deploys",
    body: {
      service: args.service,
      version: args.version,
      ...(args.previous ? { previous_version: args.previous } : {}),
      environment: args.environment,
      ...(args.deployUrl ? { url: args.deployUrl } : {}),
      deployed_by: args.who ?? env.USER ?? "ci",
      force: args.force,
    },
    gate: { path: `/api/admin/deploys/gate?${query}`, force: args.force },
    describe: (r) =>
      `Recorded deploy #${r.deploy.id}: ${args.service} ${args.version} to ${args.environment}${r.deploy.forced_through_gate ? " (forced through the closed gate)" : ""}`,
  };
}

/** One line per reason the gate is closed, for the terminal. */
function gateClosedMessage(answer: GateAnswer | null): string {
  const incidents = (answer?.incidents ?? []).map(
    (i) => `#${i.number} ${i.title} (${i.current_state}${i.commander ? `, commanded by ${i.commander}` : ", no commander"})`,
  );
  const freezes = (answer?.freezes ?? []).map((f) => `frozen by ${f.frozen_by}${f.reason ? `: ${f.reason}` : ""}`);
  return `deploy gate closed: ${[answer?.reason ?? "", ...incidents, ...freezes].filter(Boolean).join("; ")} — not deploying (use --force to deploy anyway; it is recorded)`;
}

type ErrorAnswer = { error?: { code: string; message: string; fields?: Record<string, string> } };

/** Sends the call (retrying twice after a network failure or a 5xx); resolves to the line to print. */
export async function sendCall(call: ApiCall, fetchImpl: typeof fetch = fetch): Promise<string> {
  const headers = { Authorization: `Bearer ${call.token}` };
  if (call.gate) {
    const gate = await fetchWithRetries(call, call.gate.path, { method: "GET", headers }, fetchImpl);
    const answer = (await gate.json().catch(() => null)) as (GateAnswer & ErrorAnswer) | null;
    if (gate.status === 423 && !call.gate.force) throw new Error(gateClosedMessage(answer));
    if (gate.status !== 200 && gate.status !== 423) throw failure(gate, answer);
  }
  const response = await fetchWithRetries(
    call,
    call.path,
    {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": call.idempotencyKey },
      body: JSON.stringify(call.body),
    },
    fetchImpl,
  );
  const body = (await response.json().catch(() => null)) as (ErrorAnswer & GateAnswer) | null;
  if (response.ok && body) return call.describe(body as ApiAnswer);
  if (response.status === 423) throw new Error(gateClosedMessage(body));
  throw failure(response, body);
}

async function fetchWithRetries(call: ApiCall, path: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetchImpl(`${call.url}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
      if (response.status >= 500 && attempt < 3) continue;
      return response;
    } catch (error) {
      if (attempt < 3) continue;
      throw new Error(`cannot reach ${call.url}: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
    }
  }
}

function failure(response: Response, body: ErrorAnswer | null): Error {
  const fields = Object.entries(body?.error?.fields ?? {}).map(([field, message]) => `${field}: ${message}`);
  return new Error(`${response.status} ${body?.error?.code ?? "error"}: ${fields.length ? fields.join("; ") : (body?.error?.message ?? response.statusText)}`);
}
