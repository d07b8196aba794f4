// Every admin request: the security headers with a fresh CSP nonce (lib/auth/admin-headers.ts),
// and the address that was requested, so a signed-out visitor can be sent back to it after
// signing in (lib/auth/return-path.ts validates it). Overwrites any client-sent value of either.
import { NextResponse, type NextRequest } from "next/server";
import { refusedAdminRequest } from "@/lib/admin/request-guard";
import { adminPagePolicy, adminSecurityHeaders } from "@/lib/auth/admin-headers";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-path";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = adminPagePolicy(nonce, process.env.NODE_ENV === "development");
  // Requests Next.js would answer with a 500 (undecodable path, oversized or cross-site form post) get their 4xx here.
  const refused = refusedAdminRequest(request);
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", policy);
  const response = refused ?? NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(adminSecurityHeaders(policy))) response.headers.set(name, value);
  return response;
}

// The write API (/api/admin) is answered before Next.js, by lib/api/server.ts, with the same headers.
export const config = { matcher: ["/admin", "/admin/:path*"] };
