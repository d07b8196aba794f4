// Admin requests that Next.js would fail with a 500 get a clear 4xx first: a path it cannot
// percent-decode (/admin/incidents/%zz; it decodes dynamic segments and a failure there is a 500)
// → 400; for form posts (server actions), a body over their size limit → 413 and a cross-site
// Origin → 403 (Next's own CSRF check refuses the same requests, but by throwing). Called by
// proxy.ts for every admin page request (the write API never reaches Next.js: lib/api/server.ts).

import { percentDecoded } from "@/lib/text/percent-decoding";

/** Next's default `serverActions.bodySizeLimit` (next.config.mjs does not change it). */
export const ADMIN_POST_LIMIT_BYTES = 1024 * 1024;

interface AdminRequest {
  method: string;
  headers: Pick<Headers, "get">;
  nextUrl: { pathname: string };
}

/** The plain-text answer for a request Next.js would fail on, or null to let it through. */
export function refusedAdminRequest(request: AdminRequest): Response | null {
  const { pathname } = request.nextUrl;
  if (percentDecoded(pathname) === null) return refusal(400, "This address is not valid: it has malformed percent-encoding.");
  if (request.method !== "POST") return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ADMIN_POST_LIMIT_BYTES) return refusal(413, "The form data is too large (over 1 MB).");
  if (!sameOrigin(request.headers)) return refusal(403, "This form was sent from another site; open the admin page and send it again.");
  return null;
}

/** Like Next's server-action check: an Origin, when sent, must name the host the request came to. */
function sameOrigin(headers: Pick<Headers, "get">): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (origin === "null" || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refusal(status: 400 | 403 | 413, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
