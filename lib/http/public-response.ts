// The one shape of every public read route (feeds, Statuspage/Heroku APIs, badges, iCal): validate
// the query and path with zod, produce a body from cached data, then answer with a strong ETag,
// Last-Modified, 304 on a conditional GET, HEAD without a body, open CORS and CDN-friendly caching.
// Bad input is a 400, an unknown id a 404, and a database that cannot be read a 503 — never a
// guessed "operational".
import { createHash } from "node:crypto";
import * as z from "zod";
import { loadEnv } from "@/lib/runtime/env";
import { onPublicViewsInvalidated, PUBLIC_CACHE_CONTROL } from "@/lib/public/cache";

export const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  jsonFeed: "application/feed+json; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  calendar: "text/calendar; charset=utf-8",
} as const;

export interface PublicContent {
  body: string;
  contentType: string;
  /** When the content last changed, for Last-Modified and If-Modified-Since. */
  lastModified?: Date;
  status?: number;
}

/** Thrown by a producer for an id or slug that does not exist: a 404. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified",
};

// Scripts cannot run from a badge or feed opened directly in a browser.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2) wins over If-Modified-Since. */
function notModified(request: Request, etag: string, lastModified: Date | undefined): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag);
  }
  const ifModifiedSince = Date.parse(request.headers.get("if-modified-since") ?? "");
  return lastModified !== undefined && !Number.isNaN(ifModifiedSince) && Math.floor(lastModified.getTime() / 1000) * 1000 <= ifModifiedSince;
}

export function publicResponse(request: Request, content: PublicContent): Response {
  const status = content.status ?? 200;
  const etag = strongEtag(content.body);
  const headers = new Headers({
    ...CORS_HEADERS,
    "Content-Type": content.contentType,
    "Cache-Control": status === 200 ? PUBLIC_CACHE_CONTROL : "no-store",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  });
  if (content.lastModified) headers.set("Last-Modified", content.lastModified.toUTCString());
  if (status === 200 && notModified(request, etag, content.lastModified)) return new Response(null, { status: 304, headers });
  if (request.method === "HEAD") {
    headers.set("Content-Length", String(Buffer.byteLength(content.body)));
    return new Response(null, { status, headers });
  }
  return new Response(content.body, { status, headers });
}

export function json(value: unknown, lastModified?: Date): PublicContent {
  return { body: JSON.stringify(value), contentType: CONTENT_TYPES.json, lastModified };
}

/** `{"error":{"code","message","fields"}}`, the error shape of every Beacon API. */
export function jsonError(request: Request, status: number, code: string, message: string, fields?: Record<string, string>): Response {
  const body = JSON.stringify({ error: { code, message, ...(fields ? { fields } : {}) } });
  const headers = new Headers({ ...CORS_HEADERS, "Content-Type": CONTENT_TYPES.json, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  if (status === 503) headers.set("Retry-After", "10");
  return new Response(request.method === "HEAD" ? null : body, { status, headers });
}

/** CORS preflight: conditional requests from browsers carry non-simple headers. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Cache-Control",
      "Access-Control-Max-Age": "86400",
    },
  });
}

export interface RouteInput<Query, Params> {
  request: Request;
  query: Query;
  params: Params;
  now: Date;
  /** BEACON_PUBLIC_URL: every URL in a body is absolute. */
  baseUrl: string;
}

interface RouteOptions<Query, Params> {
  query?: z.ZodType<Query>;
  params?: z.ZodType<Params>;
  /** What to answer when the data cannot be read, instead of the JSON 503 (e.g. a grey badge). */
  unavailable?: () => PublicContent;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  return Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "value", issue.message]));
}

/** First value of each query parameter; unknown parameters (cache busters) are ignored by the schemas. */
function queryObject(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) query[key] ??= value;
  return query;
}

// Serialized answers are kept a few seconds (a crowd polling the APIs costs one serialization per
// URL, not one per request) and dropped on every publish, like the rendered public pages.
const RESPONSE_TTL_MS = 5_000;
const MAX_RESPONSES = 500;
const responses = new Map<string, { content: PublicContent; at: number }>();
onPublicViewsInvalidated(() => responses.clear());

async function producedOnce(key: string, produce: () => Promise<PublicContent>): Promise<PublicContent> {
  const kept = responses.get(key);
  if (kept && Date.now() - kept.at < RESPONSE_TTL_MS) return kept.content;
  const content = await produce();
  if (responses.size >= MAX_RESPONSES) responses.delete(responses.keys().next().value!);
  responses.set(key, { content, at: Date.now() });
  return content;
}

export function publicRoute<Query = Record<string, never>, Params = Record<string, never>>(
  options: RouteOptions<Query, Params>,
  produce: (input: RouteInput<Query, Params>) => Promise<PublicContent>,
): (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response> {
  return async (request, context) => {
    const query = (options.query ?? z.object({})).safeParse(queryObject(request));
    if (!query.success) return jsonError(request, 400, "invalid_query", "The query parameters are not valid.", fieldErrors(query.error));
    // Routes without dynamic segments get no params.
    const params = (options.params ?? z.object({})).safeParse((await context?.params) ?? {});
    if (!params.success) return jsonError(request, 400, "invalid_path", "The address is not valid.", fieldErrors(params.error));
    // Keyed by the validated input, so cache busters and unknown parameters share one entry.
    const key = `${new URL(request.url).pathname} ${JSON.stringify(params.data)} ${JSON.stringify(query.data)}`;
    try {
      const content = await producedOnce(key, () =>
        produce({ request, query: query.data as Query, params: params.data as Params, now: new Date(), baseUrl: loadEnv().publicUrl }),
      );
      return publicResponse(request, content);
    } catch (error) {
      if (error instanceof NotFoundError) return jsonError(request, 404, "not_found", error.message);
      console.error(`${new URL(request.url).pathname}: the status could not be read:`, error instanceof Error ? error.message : error);
      if (options.unavailable) return publicResponse(request, { ...options.unavailable(), status: 503 });
      return jsonError(request, 503, "status_unavailable", "The status cannot be read right now; try again shortly. Nothing is known to be operational.");
    }
  };
}
