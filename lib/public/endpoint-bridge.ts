// Serves the feeds, badges, iCal and read APIs (lib/http/public-endpoints.ts) straight from the
// custom server: the same web-standard handlers Next's route files use, without Next's routing.
// A full answer is kept per URL for a few seconds (dropped on every publish) with its compressed
// variants, so a crowd costs one handler call; conditional GETs and HEAD are answered from it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { matchPublicEndpoint } from "@/lib/http/public-endpoints";
import { preflight } from "@/lib/http/public-response";
import { onPublicViewsInvalidated } from "@/lib/public/cache";
import { RENDER_DEADLINE_MS, withinDeadline } from "@/lib/public/deadline";
import { fallbackAnswer, snapshotHeaders } from "@/lib/snapshot/current";

const ANSWER_TTL_MS = 5_000;
const MAX_ANSWERS = 500;

interface Answer {
  status: number;
  headers: [string, string][];
  etag: string | null;
  identity: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  at: number;
}

const answers = new Map<string, Answer>();
const pending = new Map<string, Promise<Answer>>();
onPublicViewsInvalidated(() => answers.clear());

async function produce(url: URL, host: string): Promise<Answer> {
  const match = matchPublicEndpoint(url.pathname)!;
  const response = await match.handler(new Request(`http://${host}${url.pathname}${url.search}`), { params: Promise.resolve(match.params) });
  const identity = Buffer.from(await response.arrayBuffer());
  const compressible = response.status === 200 && identity.length > 512;
  const answer: Answer = {
    status: response.status,
    headers: [...response.headers.entries()],
    etag: response.headers.get("etag"),
    identity,
    gzip: compressible ? gzipSync(identity, { level: 6 }) : null,
    brotli: compressible ? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : null,
    at: Date.now(),
  };
  // Errors (400/404/503) are not kept: the next request asks again.
  if (response.status === 200) remember(url, answer);
  // The data cannot be read: feeds and APIs answer from the snapshot, saying so in headers.
  if (response.status === 503) return fromSnapshot(url) ?? answer;
  return answer;
}

function remember(url: URL, answer: Answer): void {
  const key = `${url.pathname}${url.search}`;
  if (!answers.has(key) && answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
  answers.set(key, answer);
}

/** Kept a few seconds like a live answer, so an outage costs one database attempt per URL per TTL. */
function fromSnapshot(url: URL): Answer | null {
  const fallback = fallbackAnswer(url.pathname, url.search);
  if (!fallback || fallback.kind !== "payload") return null;
  const headers: [string, string][] = [
    ["access-control-allow-origin", "*"],
    ["access-control-expose-headers", "ETag, Beacon-Data-Source, Beacon-Snapshot-Time"],
    ["content-type", fallback.contentType],
    ["etag", fallback.etag],
    ["x-content-type-options", "nosniff"],
    ["content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox"],
    ...Object.entries(snapshotHeaders(fallback)).map(([name, value]) => [name.toLowerCase(), value] as [string, string]),
  ];
  const answer: Answer = {
    status: 200,
    headers,
    etag: fallback.etag,
    identity: fallback.identity,
    gzip: fallback.gzip,
    brotli: fallback.brotli,
    at: Date.now(),
  };
  remember(url, answer);
  return answer;
}

async function answerFor(url: URL, host: string): Promise<Answer> {
  const key = `${url.pathname}${url.search}`;
  const cached = answers.get(key);
  if (cached && Date.now() - cached.at < ANSWER_TTL_MS) return cached;
  let inFlight = pending.get(key);
  if (!inFlight) {
    inFlight = produce(url, host).finally(() => pending.delete(key));
    pending.set(key, inFlight);
  }
  // Only time has passed since the kept answer (a publish drops them all): the crowd keeps getting
  // it while one request's worth of work makes the next, instead of queueing behind that work.
  // Bounded, so a database that hangs still leads to the snapshot within seconds.
  if (cached && Date.now() - cached.at <= ANSWER_TTL_MS + RENDER_DEADLINE_MS) {
    inFlight.catch(() => undefined);
    return cached;
  }
  // A hanging database must not hold the crowd: past the deadline, answer from the snapshot.
  const outcome = await withinDeadline(inFlight, RENDER_DEADLINE_MS);
  if (outcome.done) return outcome.value;
  return fromSnapshot(url) ?? inFlight;
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2), as in lib/http/public-response.ts. */
function notModified(request: IncomingMessage, answer: Answer): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    return !!answer.etag && ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === answer.etag);
  }
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  const lastModified = Date.parse(answer.headers.find(([name]) => name === "last-modified")?.[1] ?? "");
  return !Number.isNaN(since) && !Number.isNaN(lastModified) && lastModified <= since;
}

/** Answers GET/HEAD/OPTIONS of a public endpoint; false when the path is not one. */
export async function handlePublicEndpoint(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") return false;
  if (!matchPublicEndpoint(url.pathname)) return false;
  if (method === "OPTIONS") {
    const answer = preflight();
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    response.writeHead(answer.status).end();
    return true;
  }
  const answer = await answerFor(url, request.headers.host ?? "localhost");
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  if (answer.status === 200 && notModified(request, answer)) {
    response.removeHeader("content-length");
    response.writeHead(304).end();
    return true;
  }
  const accept = request.headers["accept-encoding"] ?? "";
  const encoding = answer.brotli && /\bbr\b/.test(accept) ? "br" : answer.gzip && /\bgzip\b/.test(accept) ? "gzip" : null;
  const body = encoding === "br" ? answer.brotli! : encoding === "gzip" ? answer.gzip! : answer.identity;
  if (answer.gzip) response.setHeader("Vary", "Accept-Encoding");
  if (encoding) response.setHeader("Content-Encoding", encoding);
  response.setHeader("Content-Length", body.length);
  response.writeHead(answer.status).end(method === "HEAD" ? undefined : body);
  return true;
}
