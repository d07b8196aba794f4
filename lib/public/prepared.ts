// One prepared response per answer, made once and sent many times: the body, its strong ETag and
// Last-Modified, every header, and compressed bodies made lazily (off the event loop) for the
// encodings actually asked for. `send()` is the only place public answers are written, with the
// full conditional-GET rules of RFC 9110 §13.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlib } from "node:zlib";
import type { AnswerKind } from "@/lib/public/endpoints";
import { ENHANCE_SCRIPT_HASH } from "@/lib/public/enhance-script";
import type { Rendered } from "@/lib/public/rendered";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = "br" | "gzip";

export interface PreparedResponse {
  status: number;
  /** Every header of a full answer except Content-Encoding and Content-Length. */
  headers: Record<string, string>;
  etag: string;
  /** Last-Modified in whole seconds (HTTP dates have no finer unit), or null. */
  lastModifiedMs: number | null;
  identity: Buffer;
  /** Compressed bodies, made on first demand; a small body is always sent as is. */
  encoded: Partial<Record<Encoding, Buffer | Promise<Buffer>>> | null;
  /** Date.now() when it was prepared: its age decides freshness (lib/public/answers.ts). */
  preparedAt: number;
  /** The headers as written for each way of sending it, flattened once: most requests only look them up. */
  wire: Partial<Record<Encoding | "identity" | "not-modified", string[]>>;
}

/** Cache-Control for public HTML, feeds and read APIs: a CDN may serve briefly stale copies. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30, stale-if-error=86400";

export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  `script-src '${ENHANCE_SCRIPT_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

// Scripts cannot run from a badge or feed opened directly in a browser.
const PAYLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const COMPRESS_FROM_BYTES = 256;

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Beacon-Data-Source, Beacon-Snapshot-Time",
};

export function strongEtag(body: Buffer | string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function cacheControl(kind: AnswerKind, status: number): string {
  if (status === 200) return PUBLIC_CACHE_CONTROL;
  if (status === 404 && kind === "page") return "public, max-age=10";
  return "no-store";
}

/** Prepares a rendered answer; `extraHeaders` override (e.g. the snapshot's headers). */
export function prepare(rendered: Rendered, kind: AnswerKind, extraHeaders: Record<string, string> = {}): PreparedResponse {
  const identity = typeof rendered.body === "string" ? Buffer.from(rendered.body, "utf8") : rendered.body;
  const etag = strongEtag(identity);
  const compressible = identity.length >= COMPRESS_FROM_BYTES;
  const lastModifiedMs = rendered.lastModified ? Math.floor(rendered.lastModified.getTime() / 1000) * 1000 : null;
  const headers: Record<string, string> = {
    "Content-Type": rendered.contentType,
    "Cache-Control": cacheControl(kind, rendered.status),
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    ...(kind === "page"
      ? { "Content-Security-Policy": PUBLIC_PAGE_CSP, "Referrer-Policy": "strict-origin-when-cross-origin" }
      : { ...CORS_HEADERS, "Content-Security-Policy": PAYLOAD_CSP }),
    ...(compressible ? { Vary: "Accept-Encoding" } : {}),
    ...(lastModifiedMs !== null ? { "Last-Modified": new Date(lastModifiedMs).toUTCString() } : {}),
    ...(rendered.status === 503 ? { "Retry-After": "10" } : {}),
    ...rendered.headers,
    ...extraHeaders,
  };
  return { status: rendered.status, headers, etag, lastModifiedMs, identity, encoded: compressible ? {} : null, preparedAt: Date.now(), wire: {} };
}

/** Roughly what an answer holds in memory, for the cache's byte bound. */
export function preparedSize(prepared: PreparedResponse): number {
  // The compressed bodies are made later; a page compresses to about a fifth of its size.
  return Math.ceil(prepared.identity.length * 1.5) + 1_024;
}

/** The preferred encoding the client accepts (`q=0` refuses one), or null for the body as is. */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let gzipOk = false;
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const refused = parameters.some((parameter) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(parameter));
    if (refused) continue;
    if (name === "br") return "br";
    if (name === "gzip" || name === "x-gzip" || name === "*") gzipOk = true;
  }
  return gzipOk ? "gzip" : null;
}

// Clients send a handful of distinct Accept-Encoding values; parse each once.
const encodingByHeader = new Map<string, Encoding | null>();
function encodingFor(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let encoding = encodingByHeader.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = pickEncoding(acceptEncoding);
    if (encodingByHeader.size >= 64) encodingByHeader.clear();
    encodingByHeader.set(acceptEncoding, encoding);
  }
  return encoding;
}

function encodedBody(prepared: PreparedResponse, encoding: Encoding): Buffer | Promise<Buffer> {
  const encoded = prepared.encoded!;
  const kept = encoded[encoding];
  if (kept) return kept;
  const pending = (
    encoding === "br" ? brotliAsync(prepared.identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : gzipAsync(prepared.identity, { level: 6 })
  ).then((body) => {
    encoded[encoding] = body;
    return body;
  });
  encoded[encoding] = pending;
  return pending;
}

/** Weak comparison (RFC 9110 §8.8.3.2): `W/"x"` matches `"x"`; `*` matches any current answer. */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/** RFC 9110 §13.2.2: If-None-Match, when present, decides; If-Modified-Since only without it. */
export function isNotModified(headers: IncomingMessage["headers"], prepared: Pick<PreparedResponse, "status" | "etag" | "lastModifiedMs">): boolean {
  if (prepared.status !== 200) return false;
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, prepared.etag);
  const since = Date.parse(headers["if-modified-since"] ?? "");
  return prepared.lastModifiedMs !== null && !Number.isNaN(since) && prepared.lastModifiedMs <= since;
}

type Variant = Encoding | "identity" | "not-modified";

/** The headers of one way of sending `prepared`, flattened for writeHead, made on first use. */
function wireHeaders(prepared: PreparedResponse, variant: Variant, body: Buffer | null): string[] {
  let wire = prepared.wire[variant];
  if (!wire) {
    wire = Object.entries(prepared.headers).flat();
    if (variant === "br" || variant === "gzip") wire.push("Content-Encoding", variant);
    if (body) wire.push("Content-Length", String(body.length));
    prepared.wire[variant] = wire;
  }
  return wire;
}

function write(response: ServerResponse, prepared: PreparedResponse, variant: Variant, body: Buffer | null, head: boolean): void {
  response.writeHead(variant === "not-modified" ? 304 : prepared.status, wireHeaders(prepared, variant, body));
  response.end(head || !body ? undefined : body);
}

/** Writes a prepared answer for a GET or HEAD: 304 when the client's copy is current, else the best-encoded body. */
export function send(request: IncomingMessage, response: ServerResponse, prepared: PreparedResponse): void | Promise<void> {
  const head = request.method === "HEAD";
  if ((request.method === "GET" || head) && isNotModified(request.headers, prepared)) return write(response, prepared, "not-modified", null, true);
  const encoding = prepared.encoded ? encodingFor(request.headers["accept-encoding"]) : null;
  if (!encoding) return write(response, prepared, "identity", prepared.identity, head);
  const body = encodedBody(prepared, encoding);
  if (Buffer.isBuffer(body)) return write(response, prepared, encoding, body, head);
  return body.then((ready) => write(response, prepared, encoding, ready, head));
}

/** OPTIONS (a CORS preflight: conditional requests from browsers carry non-simple headers) and other methods. */
export function sendMethodAnswer(request: IncomingMessage, response: ServerResponse, kind: AnswerKind): void {
  const allow = "GET, HEAD, OPTIONS";
  if (request.method === "OPTIONS") {
    const cors =
      kind === "payload"
        ? {
            ...CORS_HEADERS,
            "Access-Control-Allow-Methods": allow,
            "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Cache-Control",
            "Access-Control-Max-Age": "86400",
          }
        : {};
    response.writeHead(204, { Allow: allow, ...cors }).end();
    return;
  }
  response.writeHead(405, { Allow: allow, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Method not allowed\n");
}

/** While the site is private (lib/access): for each reader alone, never a shared cache, never indexed. */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", Vary: "Cookie, Authorization, Accept-Encoding" };
const NOINDEX_META = '<meta name="robots" content="noindex, nofollow">';
const privateVariants = new WeakMap<PreparedResponse, PreparedResponse>();

/** The answer as sent while private: made once per kept answer, so the answers cache is shared by every reader with access. */
export function privateVariant(prepared: PreparedResponse): PreparedResponse {
  let variant = privateVariants.get(prepared);
  if (variant) return variant;
  const html = prepared.headers["Content-Type"]?.startsWith("text/html") && !prepared.identity.includes(NOINDEX_META);
  const identity = html ? Buffer.from(prepared.identity.toString("utf8").replace(/<head>/i, `<head>${NOINDEX_META}`), "utf8") : prepared.identity;
  const etag = html ? strongEtag(identity) : prepared.etag;
  variant = {
    ...prepared,
    headers: { ...prepared.headers, ...PRIVATE_HEADERS, ETag: etag },
    etag,
    identity,
    encoded: html ? prepared.encoded && {} : prepared.encoded,
    wire: {},
  };
  privateVariants.set(prepared, variant);
  return variant;
}
