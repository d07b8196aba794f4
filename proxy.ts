// Tells admin pages which address was requested, so a signed-out visitor can be sent back to it
// after signing in (lib/auth/return-path.ts validates it). Overwrites any client-sent value.
import { NextResponse, type NextRequest } from "next/server";
import { refusedAdminRequest } from "@/lib/admin/request-guard";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-path";

export function proxy(request: NextRequest) {
  // Requests Next.js would answer with a 500 (undecodable path, oversized or cross-site form post) get their 4xx here.
  const refused = refusedAdminRequest(request);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
