// The public pages' HTTP layer, in front of Next.js in the custom server (scripts/start.ts):
// GET/HEAD of `/`, `/incidents/N`, `/history`, `/components/SLUG` are answered here with complete
// HTML (no client framework), strong ETags, 304s, compressed bodies and CDN-friendly caching.
// Rendered responses are kept for a few seconds and dropped on every publish.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { onPublicViewsInvalidated, PUBLIC_CACHE_CONTROL } from "@/lib/public/cache";
import { ENHANCE_SCRIPT_HASH } from "@/lib/public/enhance-script";
import { historyQuerySchema } from "@/lib/public/history-range";
import { handlePublicEndpoint } from "@/lib/public/endpoint-bridge";
import { badRequestPage, componentPage, historyPage, homePage, incidentPage, notFoundPage, type RenderedPage } from "@/lib/public/pages";
import { fallbackAnswer, snapshotHeaders } from "@/lib/snapshot/current";
import { RENDER_DEADLINE_MS, withinDeadline } from "@/lib/public/deadline";

const RENDER_TTL_MS = 5_000;
const MAX_RENDERED = 500;

interface Prepared {
  status: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  renderedAt: number;
  /** Set when the answer comes from the snapshot (the database is unreachable). */
  headers?: Record<string, string>;
}

const rendered = new Map<string, Prepared>();
// A crowd arriving at once waits for one render instead of starting one each.
const rendering = new Map<string, Promise<Prepared | null>>();
onPublicViewsInvalidated(() => rendered.clear());

export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  `script-src '${ENHANCE_SCRIPT_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

type Route = (url: URL, now: Date) => Promise<RenderedPage> | null;

const routes: Route[] = [
  (url, now) => (url.pathname === "/" ? homePage(now) : null),
  (url, now) => {
    const match = /^\/incidents\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) return null;
    const number = /^\d{1,9}$/.test(match[1]!) ? Number(match[1]) : null;
    return number === null ? Promise.resolve(notFoundPage(url.pathname, "incident")) : incidentPage(number, now);
  },
  (url, now) => {
    if (url.pathname !== "/history" && url.pathname !== "/history/") return null;
    const query = historyQuerySchema.safeParse({
      page: url.searchParams.get("page") ?? undefined,
      component: url.searchParams.get("component") || null,
    });
    if (!query.success) return Promise.resolve(badRequestPage(url.pathname, "The page number or component in this address is not valid."));
    return historyPage(query.data, now);
  },
  (url, now) => {
    const match = /^\/components\/([a-z0-9-]{1,100})\/?$/.exec(url.pathname);
    return match ? componentPage(match[1]!, now) : null;
  },
];

function prepare(page: RenderedPage): Prepared {
  const identity = Buffer.from(page.html, "utf8");
  return {
    status: page.status,
    etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`,
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    brotli: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
    renderedAt: Date.now(),
  };
}

function pickEncoding(accept: string | undefined): "br" | "gzip" | null {
  if (!accept) return null;
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

/** Answers public pages, feeds and read APIs; returns false to let Next.js handle the request. */
export async function handlePublicRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (await handlePublicEndpoint(request, response, url)) return true;
  return handlePublicPage(request, response, url);
}

async function handlePublicPage(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const key = `${url.pathname}${url.search}`;
  let prepared: Prepared | null | undefined = rendered.get(key);
  if (!prepared || Date.now() - prepared.renderedAt > RENDER_TTL_MS) {
    let pending = rendering.get(key);
    if (!pending) {
      // The data cannot be read and nothing was known: the snapshot's "last known status" page.
      pending = render(url, key)
        .then((fresh) => (fresh?.status === 503 ? (fromSnapshot(url, key) ?? fresh) : fresh))
        .finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    if (prepared && Date.now() - prepared.renderedAt <= RENDER_TTL_MS + RENDER_DEADLINE_MS) {
      // Only time has passed since this render (a publish drops them all): the crowd keeps getting
      // it while one render makes the next, instead of queueing behind that render. Bounded, so a
      // database that hangs still leads to the snapshot within seconds.
      pending.catch(() => undefined);
    } else {
      // A database that hangs must not hold the crowd: past the deadline, answer from the snapshot.
      const outcome = await withinDeadline(pending, RENDER_DEADLINE_MS);
      prepared = outcome.done ? outcome.value : (fromSnapshot(url, key) ?? (await pending));
    }
  }
  if (!prepared) return false;
  send(request, response, prepared);
  return true;
}

/**
 * The snapshot's "last known status" page for this URL, kept like a rendered page so an outage
 * costs one database attempt per URL every few seconds, not one per request.
 */
function fromSnapshot(url: URL, key: string): Prepared | null {
  const answer = fallbackAnswer(url.pathname, url.search);
  if (!answer || answer.kind !== "page") return null;
  const prepared: Prepared = { status: 200, ...answer, renderedAt: Date.now(), headers: snapshotHeaders(answer) };
  remember(key, prepared);
  return prepared;
}

function remember(key: string, prepared: Prepared): void {
  if (!rendered.has(key) && rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, prepared);
}

async function render(url: URL, key: string): Promise<Prepared | null> {
  const page = routes.reduce<Promise<RenderedPage> | null>((found, route) => found ?? route(url, new Date()), null);
  if (!page) return null;
  const prepared = prepare(await page);
  // Only full answers are kept: a 503 must be retried against the database next time.
  if (prepared.status < 500) remember(key, prepared);
  return prepared;
}

function send(request: IncomingMessage, response: ServerResponse, prepared: Prepared): void {
  const cacheable = prepared.status === 200;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", cacheable ? PUBLIC_CACHE_CONTROL : prepared.status === 404 ? "public, max-age=10" : "no-store");
  response.setHeader("ETag", prepared.etag);
  response.setHeader("Vary", "Accept-Encoding");
  response.setHeader("Content-Security-Policy", PUBLIC_PAGE_CSP);
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  for (const [name, value] of Object.entries(prepared.headers ?? {})) response.setHeader(name, value);
  if (cacheable && request.headers["if-none-match"]?.split(/\s*,\s*/).includes(prepared.etag)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  const encoding = pickEncoding(request.headers["accept-encoding"]);
  const body = encoding === "br" ? prepared.brotli : encoding === "gzip" ? prepared.gzip : prepared.identity;
  if (encoding) response.setHeader("Content-Encoding", encoding);
  response.setHeader("Content-Length", body.length);
  response.statusCode = prepared.status;
  response.end(request.method === "HEAD" ? undefined : body);
}
