// The write API's HTTP entry in Beacon's own server (scripts/start.ts), beside the public side's:
// every request under /api/admin is routed by the table in routes.ts to its endpoint — web
// `Request` in, `Response` out — and sent with the admin security headers. Next.js is never
// involved, so a server that is only published to through the API never loads it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_API_POLICY, adminSecurityHeaders } from "@/lib/auth/admin-headers";
import { percentDecoded } from "@/lib/text/percent-decoding";
import { writeApi } from "./app";
import { ApiFailure, apiError } from "./http";
import { INBOUND_API_PREFIX, matchWriteRoute, WRITE_API_PREFIX } from "./routes";

const SECURITY_HEADERS = Object.entries(adminSecurityHeaders(ADMIN_API_POLICY));

/** Answers /api/admin and /api/integrations requests; false for every other path. */
export async function handleWriteApiRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const pathname = pathOf(request.url);
  if (pathname === null || ![WRITE_API_PREFIX, INBOUND_API_PREFIX].some((prefix) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix)))
    return false;
  try {
    await send(response, await answer(request, pathname));
  } finally {
    drain(request);
  }
  return true;
}

function pathOf(url: string | undefined): string | null {
  const end = url?.search(/[?#]/) ?? -1;
  const path = url === undefined ? null : end === -1 ? url : url.slice(0, end);
  return path?.startsWith("/") ? path : null;
}

async function answer(request: IncomingMessage, pathname: string): Promise<Response> {
  const match = percentDecoded(pathname) !== null ? matchWriteRoute(request.method ?? "GET", pathname) : { malformed: true as const };
  if (match === null) return apiError(new ApiFailure(404, "not_found", "There is no such endpoint; see /api/openapi.json."));
  if ("malformed" in match) return apiError(new ApiFailure(400, "bad_request", "This address is not valid: it has malformed percent-encoding."));
  if ("allowed" in match) {
    const allow = match.allowed.join(", ");
    return apiError(new ApiFailure(405, "method_not_allowed", `This endpoint answers ${allow}.`, undefined, { Allow: allow }));
  }
  const endpoint = writeApi[match.found.endpoint];
  return endpoint(toWebRequest(request), { params: Promise.resolve(match.params) });
}

/**
 * The endpoints read the body as a stream (stopping at their size limit), the headers and the URL's
 * path. A body the endpoint did not read to the end — refused by its declared size, its token or
 * its growing size — is read and dropped, never left half-read: the client, still sending, gets
 * its 413 or 401 instead of a reset connection, and a kept-alive connection stays usable.
 */
function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(request.url ?? "/", "http://beacon.invalid"), {
    method,
    headers,
    ...(hasBody ? { body: bodyStream(request), duplex: "half" } : {}),
  } as RequestInit);
}

function bodyStream(request: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      const finish = (end: () => void) => {
        if (open) end();
        open = false;
      };
      request.once("end", () => finish(() => controller.close()));
      request.once("error", (error) => finish(() => controller.error(error)));
      request.pause();
    },
    pull() {
      request.resume();
    },
    cancel() {
      open = false;
      drain(request);
    },
  });
}

function drain(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  request.removeAllListeners("data");
  request.resume();
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  const headers = new Headers(answer.headers);
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
  headers.set("Content-Length", String(body.byteLength));
  response.writeHead(answer.status, [...headers].flat());
  response.end(body);
}
