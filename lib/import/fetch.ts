// Reading a source: its API over http(s) (with a timeout and a size cap per answer: a status page
// is not trusted to be small or quick), or the same answers saved as files.
import { readFile } from "node:fs/promises";
import type { ZodType } from "zod";
import { CliError } from "@/lib/server/cli";
import { type HerokuAnswers, herokuV3Answer, herokuV4Answer } from "./heroku";
import { type StatuspageAnswers, statuspageAnswers } from "./statuspage";

/** Per answer: how long it may take and how large it may be. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}
export const FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 };
/** Pages of incidents asked for beyond the first, where the source pages them (Statuspage's public API does not). */
const MAX_PAGES = 20;
/** Beacon's and Heroku's largest list. */
const HEROKU_LIMIT = 200;

/** The source's base URL, http(s) only, without a trailing slash. */
export function sourceUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`${value} is not a URL; give the status page's address, e.g. https://status.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliError(`${value}: only http and https sources can be imported`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new CliError(`${url}: the answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A GET, tried three times when the connection fails (a reused connection the server just closed resets). */
async function get(url: string, limits: FetchLimits): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(limits.timeoutMs) });
    } catch (error) {
      if ((error as Error).name === "TimeoutError") throw new CliError(`cannot read ${url}: no answer within ${limits.timeoutMs / 1000} s`);
      if (attempt < 3) continue;
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new CliError(`cannot read ${url}: ${reason}`);
    }
  }
}

/** One GET; null for a 404 when `optional`. */
async function getJson(url: string, limits: FetchLimits, optional = false): Promise<unknown> {
  const response = await get(url, limits);
  if (optional && response.status === 404) return null;
  if (!response.ok) throw new CliError(`${url} answered ${response.status}`);
  const body = await readCapped(response, url, limits.maxBytes);
  try {
    return JSON.parse(body);
  } catch {
    throw new CliError(`${url} did not answer JSON`);
  }
}

function parsed<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new CliError(`${where} is not what was expected: ${issue.path.join(".") || "the answer"}: ${issue.message}`);
}

/** A list endpoint page by page while pages bring new ids (a source that ignores ?page= repeats page 1). */
async function allPages(url: string, key: "incidents" | "scheduled_maintenances", limits: FetchLimits): Promise<unknown[]> {
  const rows: { id?: unknown }[] = [];
  const seen = new Set<unknown>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = (await getJson(page === 1 ? url : `${url}?page=${page}`, limits)) as Record<string, unknown> | null;
    const list = Array.isArray(answer?.[key]) ? (answer[key] as { id?: unknown }[]) : [];
    const fresh = list.filter((row) => !seen.has(row.id));
    if (fresh.length === 0) break;
    for (const row of fresh) seen.add(row.id);
    rows.push(...fresh);
  }
  return rows;
}

export async function fetchStatuspage(base: string, limits = FETCH_LIMITS): Promise<StatuspageAnswers> {
  const components = (await getJson(`${base}/api/v2/components.json`, limits)) as Record<string, unknown>;
  const answers = {
    page: components?.page,
    components: components?.components,
    incidents: await allPages(`${base}/api/v2/incidents.json`, "incidents", limits),
    scheduled_maintenances: await allPages(`${base}/api/v2/scheduled-maintenances.json`, "scheduled_maintenances", limits),
  };
  return parsed(statuspageAnswers, answers, `${base}'s Statuspage API`);
}

export async function fetchHeroku(base: string, limits = FETCH_LIMITS): Promise<HerokuAnswers> {
  const v4 = parsed(herokuV4Answer, await getJson(`${base}/api/v4/incidents?limit=${HEROKU_LIMIT}`, limits), `${base}/api/v4/incidents`);
  const v3answer = await getJson(`${base}/api/v3/issues?limit=${HEROKU_LIMIT}`, limits, true);
  return { v4, v3: v3answer === null ? null : parsed(herokuV3Answer, v3answer, `${base}/api/v3/issues`) };
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON`);
  }
}

/** summary.json and incidents.json both list the open incidents: each id once. */
function withoutRepeats(rows: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return rows.filter((row) => {
    const id = (row as { id?: unknown } | null)?.id;
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Saved Statuspage answers (components.json, incidents.json, scheduled-maintenances.json, summary.json…), merged by their keys. */
export async function readStatuspageFiles(files: readonly string[]): Promise<StatuspageAnswers> {
  const merged: Record<string, unknown[] | unknown> = {};
  for (const file of files) {
    const answer = (await readJsonFile(file)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(answer ?? {})) {
      merged[key] = Array.isArray(value) && Array.isArray(merged[key]) ? withoutRepeats([...(merged[key] as unknown[]), ...value]) : value;
    }
  }
  return parsed(statuspageAnswers, merged, files.join(", "));
}

/** Saved Heroku answers: a v4 incidents list, and optionally a v3 issues list (told apart by status_prod). */
export async function readHerokuFiles(files: readonly string[]): Promise<HerokuAnswers> {
  const lists = await Promise.all(files.map(readJsonFile));
  const isV3 = (list: unknown) => Array.isArray(list) && list.some((row) => typeof row === "object" && row !== null && "status_prod" in row);
  const v4 = lists.filter((list) => !isV3(list)).flat();
  const v3 = lists.filter(isV3).flat();
  return { v4: parsed(herokuV4Answer, v4, files.join(", ")), v3: v3.length > 0 ? parsed(herokuV3Answer, v3, files.join(", ")) : null };
}
