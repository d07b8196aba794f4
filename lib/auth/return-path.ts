// PURE: where to go after signing in. Only a same-site admin path is accepted — never another host
// ("//evil.example", "https://…", "/\evil.example"), so the sign-in page cannot be an open redirect.

export const RETURN_PARAM = "next";
/** Set by proxy.ts on every admin request: the path and query that were asked for. */
export const REQUESTED_PATH_HEADER = "x-beacon-requested-path";
const HOME = "/admin";

/** The admin path to return to, or "/admin" for anything else. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return HOME;
  let url: URL;
  try {
    url = new URL(value, "http://beacon.invalid");
  } catch {
    return HOME;
  }
  // Resolved against a placeholder origin: any value naming another origin (or a scheme) ends up elsewhere.
  if (url.origin !== "http://beacon.invalid" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return HOME;
  if (url.pathname !== HOME && !url.pathname.startsWith(`${HOME}/`)) return HOME;
  if (url.pathname === "/admin/login" || url.pathname.startsWith("/admin/login/")) return HOME;
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}`;
}

/** The sign-in page's address for a visitor who asked for `requested`. */
export function signInPath(requested: string | null): string {
  const target = safeReturnPath(requested);
  return target === HOME ? "/admin/login" : `/admin/login?${RETURN_PARAM}=${encodeURIComponent(target)}`;
}

/** A private site's reader sign-in (/access): a same-site public path to return to, or "/" (never the admin or /access itself). */
export function safePublicReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  let url: URL;
  try {
    url = new URL(value, "http://beacon.invalid");
  } catch {
    return "/";
  }
  if (url.origin !== "http://beacon.invalid" || /^\/(admin|access|api\/admin)(\/|$)/.test(url.pathname)) return "/";
  url.searchParams.delete("token");
  return `${url.pathname}${url.search}`;
}
