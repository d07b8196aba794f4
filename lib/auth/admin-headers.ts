// PURE: the security headers of every admin page, server action and admin API answer (set by
// proxy.ts). Next.js needs inline scripts, so pages allow only scripts carrying this request's
// nonce (Next.js reads it from the request's Content-Security-Policy and adds it to its tags).
// HSTS belongs to the TLS proxy in front of Beacon (README, "Running in production").

/** `dev`: the development server evaluates code and talks over a websocket for hot reload. */
export function adminPagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed (as on the public pages): Next.js's own 404 and React style attributes carry no nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON answers of /api/admin run nothing and load nothing. */
export const ADMIN_API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function adminSecurityHeaders(policy: string): Record<string, string> {
  return {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
  };
}
