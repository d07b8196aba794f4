// Matches a request against the endpoint table (lib/public/endpoints.ts): decodes the path safely,
// validates path and query with the endpoint's zod schemas and names the answer by its *validated*
// input only — unknown query parameters (cache busters) share one answer, bad ones are a 400.
import { LRUCache } from "lru-cache";
import type * as z from "zod";
import { type AnyEndpoint, PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { badRequestPage, notFoundPage } from "@/lib/public/pages";
import { jsonError, type Rendered } from "@/lib/public/rendered";
import { percentDecoded } from "@/lib/text/percent-decoding";
import { i18nFor, localeSchema, type ReaderChoice, timeZoneSchema } from "@/lib/i18n";

export type Route =
  /** A valid request: `key` names its answer in the cache. */
  | { endpoint: AnyEndpoint; params: unknown; query: unknown; choice: ReaderChoice; key: string; error?: undefined }
  /** A request for a table URL that cannot be answered as asked (400, 404). */
  | { endpoint: AnyEndpoint; error: (baseUrl: string) => Rendered; key: string };

interface Matcher {
  endpoint: AnyEndpoint;
  regex: RegExp;
  names: string[];
}

const matchers: Matcher[] = PUBLIC_ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const source = endpoint.path.replace(/[.]/g, "\\.").replace(/:([a-z]+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  // Pages also answer with a trailing slash (`/history/`); machine endpoints only as written.
  const slash = endpoint.kind === "page" && endpoint.path !== "/" ? "/?" : "";
  return { endpoint, regex: new RegExp(`^${source}${slash}$`), names };
});

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "value", issue.message]));
}

// A path of plain segments (none "." or "..", no "//") and a query of characters URL parsing keeps as
// they are: the common request, split without building a URL object.
const PLAIN_TARGET = /^((?:\/[\w~-][\w.~-]*)*\/?)(\?[\w.~=&+,:@/-]*)?$/;

/** The path and query of a request target as the URL standard reads them; null when it cannot be parsed at all. */
export function requestTarget(url: string | undefined): { pathname: string; search: string } | null {
  const plain = PLAIN_TARGET.exec(url ?? "/");
  if (plain) return { pathname: plain[1] || "/", search: plain[2] && plain[2] !== "?" ? plain[2] : "" };
  try {
    const parsed = new URL(url ?? "/", "http://localhost");
    return { pathname: parsed.pathname, search: parsed.search };
  } catch {
    return null;
  }
}

/** First value of each query parameter, in a prototype-free object (`__proto__` is just a name). */
function queryObject(search: string): Record<string, string> {
  const query: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(search)) query[key] ??= value;
  return query;
}

/** Feeds speak the page's language too (their fixed texts); the JSON APIs stay machine values. */
const LOCALIZED_FEED = /^\/(components\/:slug\/)?history\.(rss|atom|json)$/;

/**
 * The reader's `?lang=` (pages and feeds) and `?tz=` (pages), validated: part of the answer's key,
 * so each language and zone is its own cached answer; an unknown one is a 400, never a new key.
 */
function readerChoice(endpoint: AnyEndpoint, query: Record<string, string>): { choice: ReaderChoice } | { invalid: string } {
  const choice: ReaderChoice = {};
  const accepts = endpoint.kind === "page" ? ["lang", "tz"] : LOCALIZED_FEED.test(endpoint.path) ? ["lang"] : [];
  if (accepts.includes("lang") && query.lang) {
    const lang = localeSchema.safeParse(query.lang);
    if (!lang.success) return { invalid: "lang" };
    choice.lang = lang.data;
  }
  if (accepts.includes("tz") && query.tz) {
    const tz = timeZoneSchema.safeParse(query.tz);
    if (!tz.success) return { invalid: "tz" };
    choice.tz = tz.data;
  }
  return { choice };
}

const pageNotFound = (path: string, choice: ReaderChoice) => (baseUrl: string) => notFoundPage(path, { baseUrl, i18n: i18nFor(choice) });
/** Error answers are kept per endpoint, not per address, so they name the endpoint's base path. */
const basePath = (endpoint: AnyEndpoint) => endpoint.path.replace(/\/:[a-z]+.*$/, "") || "/";

// Most requests repeat a few addresses: each is matched and validated once. Bounded by count; a
// client inventing addresses only costs the matching it would have cost anyway.
const routed = new LRUCache<string, { route: Route | null }>({ max: 5_000 });

/** The endpoint and validated input for a path and query string, or null when no table URL matches. */
export function route(pathname: string, search: string): Route | null {
  const address = `${pathname}${search}`;
  const known = routed.get(address);
  if (known) return known.route;
  const found = matchRoute(pathname, search);
  routed.set(address, { route: found });
  return found;
}

function matchRoute(pathname: string, search: string): Route | null {
  for (const { endpoint, regex, names } of matchers) {
    const match = regex.exec(pathname);
    if (!match) continue;
    const page = endpoint.kind === "page";
    const reader = readerChoice(endpoint, queryObject(search));
    if ("invalid" in reader) {
      const message =
        reader.invalid === "lang" ? "The language in this address is not one of en, de, fr, es, ja." : "The time zone in this address is not valid.";
      return {
        endpoint,
        key: `${endpoint.path} invalid-${reader.invalid}`,
        error: page
          ? (baseUrl) => badRequestPage(basePath(endpoint), { baseUrl }, message)
          : () => jsonError(400, "invalid_query", "The query parameters are not valid.", { [reader.invalid]: message }),
      };
    }
    const { choice } = reader;
    const i18n = i18nFor(choice);
    const chosen = choice.lang || choice.tz ? ` ${JSON.stringify(choice)}` : "";
    const rawParams: Record<string, string> = Object.create(null);
    for (const [index, name] of names.entries()) {
      const value = percentDecoded(match[index + 1]!);
      if (value === null) {
        const message = "The address is not valid (malformed percent-encoding).";
        return {
          endpoint,
          key: `${endpoint.path} malformed${chosen}`,
          error: page
            ? (baseUrl) => badRequestPage(basePath(endpoint), { baseUrl, i18n }, i18n.t("error.malformedAddress"))
            : () => jsonError(400, "invalid_path", message),
        };
      }
      rawParams[name] = value;
    }
    const params = endpoint.params ? endpoint.params.safeParse(rawParams) : { success: true as const, data: {} };
    if (!params.success) {
      // A page address that cannot name anything is simply not there; an API says what is wrong.
      if (page) return { endpoint, key: `${endpoint.path} not-found${chosen}`, error: pageNotFound(basePath(endpoint), choice) };
      const fields = fieldErrors(params.error);
      return {
        endpoint,
        key: `${endpoint.path} invalid-path ${JSON.stringify(fields)}`,
        error: () => jsonError(400, "invalid_path", "The address is not valid.", fields),
      };
    }
    const query = endpoint.query ? endpoint.query.safeParse(queryObject(search)) : { success: true as const, data: {} };
    if (!query.success) {
      const fields = fieldErrors(query.error);
      return {
        endpoint,
        key: `${endpoint.path} invalid-query ${JSON.stringify(fields)}${chosen}`,
        error: page
          ? (baseUrl) => badRequestPage(basePath(endpoint), { baseUrl, i18n }, i18n.t("error.invalidQuery"))
          : () => jsonError(400, "invalid_query", "The query parameters are not valid.", fields),
      };
    }
    return {
      endpoint,
      params: params.data,
      query: query.data,
      choice,
      key: `${endpoint.path} ${JSON.stringify(params.data)} ${JSON.stringify(query.data)}${chosen}`,
    };
  }
  return null;
}
