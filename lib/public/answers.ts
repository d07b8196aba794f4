// The one cache of public answers: prepared responses (lib/public/prepared.ts) by their validated
// key, bounded by bytes, made once per crowd (single flight), fresh for a few seconds, then served
// while one request makes the next (stale-while-revalidate) — for at most the render deadline
// more, so a database that hangs still leads to the snapshot within seconds. A publish drops them
// all (lib/public/invalidation.ts). When the data cannot be read, the answer comes from the
// snapshot (lib/snapshot/current.ts), else it says the status is unknown: never a guessed green.
import { LRUCache } from "lru-cache";
import { RENDER_DEADLINE_MS, withinDeadline } from "@/lib/public/deadline";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import type { HistoryQuery } from "@/lib/public/history-range";
import { historyHref, unavailablePage } from "@/lib/public/pages";
import { type PreparedResponse, prepare, preparedSize } from "@/lib/public/prepared";
import { jsonError } from "@/lib/public/rendered";
import type { Route } from "@/lib/public/router";
import { loadEnv } from "@/lib/runtime/env";
import { DEFAULT_LOCALE, i18nFor, type Locale } from "@/lib/i18n";
import { readPageLanguage } from "@/lib/public/read";

export const ANSWER_TTL_MS = 5_000;
/** An answer that says the data is unavailable is retried against the database sooner. */
const UNAVAILABLE_TTL_MS = 1_000;
const MAX_BYTES = 64 * 1024 * 1024;

export type ValidRoute = Extract<Route, { error?: undefined }>;

/** Where answers come from while the data cannot be read: the snapshot registers itself (lib/snapshot/current.ts). */
type FallbackSource = (path: string) => PreparedResponse | null;
let fallbackSource: FallbackSource = () => null;
export function answerFallbackFrom(source: FallbackSource): void {
  fallbackSource = source;
}

/** The address the snapshot keeps this answer under, or null when it keeps none. */
function snapshotPath(route: ValidRoute): string | null {
  const { endpoint } = route;
  if (endpoint.snapshot === "skip" || endpoint.snapshot === "never") return null;
  const params = route.params as Record<string, unknown>;
  const path = endpoint.path.replace(/:([a-z]+)/g, (_, name: string) => String(params[name]));
  if (!endpoint.query) return path;
  const query = route.query as Record<string, unknown>;
  // The snapshot holds history pages by number, and the APIs' default lists; nothing else with a query.
  if (endpoint.path === "/history") return query.component ? null : historyHref(query as HistoryQuery);
  return JSON.stringify(query) === JSON.stringify(endpoint.query.parse({})) ? path : null;
}

/** The snapshot's answer for this route, or null when it holds none. */
function snapshotAnswerFor(route: ValidRoute): PreparedResponse | null {
  const path = snapshotPath(route);
  return path ? fallbackSource(path) : null;
}

/** What to answer when the data cannot be read. */
function unavailable(route: ValidRoute): PreparedResponse {
  const fromSnapshot = snapshotAnswerFor(route);
  if (fromSnapshot) return fromSnapshot;
  const { endpoint } = route;
  const rendered =
    endpoint.unavailable?.() ??
    (endpoint.kind === "page"
      ? unavailablePage(snapshotPath(route) ?? "/", { baseUrl: loadEnv().publicUrl, i18n: i18nFor(route.choice) })
      : jsonError(503, "status_unavailable", "The status cannot be read right now; try again shortly. Nothing is known to be operational."));
  return prepare(rendered, endpoint.kind);
}

/** Reads the endpoint's data and renders it, now; no cache. */
export async function produce(route: ValidRoute, now = new Date()): Promise<PreparedResponse> {
  const { endpoint, params, query } = route;
  let data: unknown;
  let pageLanguage: Locale = DEFAULT_LOCALE;
  try {
    // The page's default language only matters when the address names none.
    [data, pageLanguage] = await Promise.all([endpoint.read({ params, query, now }), route.choice.lang ? DEFAULT_LOCALE : readPageLanguage()]);
  } catch (error) {
    console.error(`${route.key}: the status could not be read:`, error instanceof Error ? error.message : error);
    return unavailable(route);
  }
  const i18n = i18nFor(route.choice, pageLanguage);
  const personal: Record<string, string> = endpoint.cache === "none" ? { "Cache-Control": "no-store" } : {};
  return prepare(endpoint.render(data, { now, baseUrl: loadEnv().publicUrl, params, query, i18n }), endpoint.kind, personal);
}

const live = (answer: PreparedResponse) => answer.status < 500 && !answer.headers["Beacon-Data-Source"];

// A publish bumps the generation, so an answer still being made from pre-publish data is never kept.
let generation = 0;
const answers = new LRUCache<string, PreparedResponse, ValidRoute>({
  maxSize: MAX_BYTES,
  sizeCalculation: preparedSize,
  ttl: ANSWER_TTL_MS,
  allowStale: true,
  // Ages follow Date.now(), like PreparedResponse.preparedAt (and tests that move the clock).
  perf: { now: () => Date.now() },
  fetchMethod: async (_key, _stale, { context, options }) => {
    const answer = await produce(context);
    if (!live(answer)) options.ttl = answer.status >= 500 ? UNAVAILABLE_TTL_MS : ANSWER_TTL_MS;
    return answer;
  },
});

onPublicViewsInvalidated(() => {
  generation += 1;
  answers.clear();
});

/** The answer for a valid route: kept, refreshed in the background, or made now within the deadline. */
export function answerFor(route: ValidRoute, retried = false): PreparedResponse | Promise<PreparedResponse> {
  if (route.endpoint.cache === "none") return produce(route);
  const key = `${generation} ${route.key}`;
  // The common case, answered without a promise: a fresh answer is kept.
  if (answers.getRemainingTTL(key) > 0) {
    const fresh = answers.get(key);
    if (fresh) return fresh;
  }
  return keptOrMade(route, key, retried);
}

async function keptOrMade(route: ValidRoute, key: string, retried: boolean): Promise<PreparedResponse> {
  // A fetch aborted by a publish (its data may predate it) or by the snapshot answer set below is
  // asked for once more, so the waiting crowd joins the one new fetch or the kept snapshot answer
  // instead of each request reading the database on its own.
  const again = () => (retried ? produce(route) : answerFor(route, true));
  const orAgain = (pending: Promise<PreparedResponse | undefined>) =>
    pending
      .then((answer) => answer ?? again())
      .catch((error: unknown) => {
        if (!(error instanceof Error && /^(deleted|replaced|evicted)$/.test(error.message))) console.error(`${route.key}: the answer cache failed:`, error);
        return again();
      });
  const kept = answers.peek(key, { allowStale: true });
  if (kept && Date.now() - kept.preparedAt <= ANSWER_TTL_MS + RENDER_DEADLINE_MS) {
    return orAgain(answers.fetch(key, { context: route }));
  }
  const pending = orAgain(answers.fetch(key, { context: route, allowStale: false }));
  const outcome = await withinDeadline(pending, RENDER_DEADLINE_MS);
  if (outcome.done) return outcome.value;
  // The database hangs: answer from the snapshot, and keep that a few seconds so the crowd need not wait.
  const fromSnapshot = snapshotAnswerFor(route);
  if (!fromSnapshot) return pending;
  answers.set(key, fromSnapshot, { ttl: ANSWER_TTL_MS });
  return fromSnapshot;
}

/** Error answers (400, 404 of a malformed address) are kept like any other, by endpoint and kind of error. */
export function errorAnswer(key: string, make: () => PreparedResponse): PreparedResponse {
  const cacheKey = `error ${key}`;
  const kept = answers.get(cacheKey);
  if (kept) return kept;
  const made = make();
  answers.set(cacheKey, made, { ttl: 60_000 });
  return made;
}

/** For tests and the benchmark: how much the cache holds. */
export function answerCacheStats(): { entries: number; bytes: number } {
  return { entries: answers.size, bytes: answers.calculatedSize };
}
