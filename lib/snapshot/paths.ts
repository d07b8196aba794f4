// Where each public URL lives in a snapshot directory, so any static web server (or object store)
// can serve the directory as the status site: pages become `…/index.html`, machine endpoints keep
// their names, and extension-less JSON endpoints become `…/index.json` (not `….json`, which would
// shadow or be shadowed by `/history.json`; see README "Running in production" for the one-line
// server rule).

/** URL path (no query, except `/history?page=N` in a site export) → file path inside the snapshot. */
export function snapshotFileFor(urlPath: string, contentType: string): string {
  const historyPage = /^\/history\?page=(\d+)$/.exec(urlPath);
  if (historyPage) return `history/page/${historyPage[1]}/index.html`;
  if (urlPath.includes("?")) throw new Error(`a snapshot holds no query URLs: ${urlPath}`);
  const trimmed = urlPath.replace(/^\/+|\/+$/g, "");
  if (contentType.startsWith("text/html")) return trimmed ? `${trimmed}/index.html` : "index.html";
  if (contentType.startsWith("application/json") && !/\.[a-z]+$/.test(trimmed)) return `${trimmed}/index.json`;
  return trimmed;
}

/** The page variant served by Beacon itself while the database is unreachable (with the notice). */
export const LAST_KNOWN_DIR = "_last-known";

/**
 * In a static copy, links to later history pages point at their files instead of a query, and
 * the history's component filter (a query a static server cannot answer) gives way to a pointer
 * at the component pages, which list each component's incidents.
 */
export function staticLinks(html: string): string {
  return html
    .replace(/href="\/history\?page=(\d+)"/g, 'href="/history/page/$1/"')
    .replace(/<form method="get" action="\/history"[\s\S]*?<\/form>/, '<p class="text-sm">Each component\'s page lists its incidents.</p>');
}

/** An address (`/history?page=2`, `/incidents/386/`) as a snapshot key: no trailing slash, `/history?page=1` is `/history`. */
export function snapshotKey(address: string): string | null {
  const [pathname = "/", search = ""] = address.split("?", 2);
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (!search) return path;
  const params = new URLSearchParams(search);
  if (path === "/history" && [...params.keys()].every((key) => key === "page")) {
    const page = params.get("page");
    return !page || page === "1" ? "/history" : /^\d{1,4}$/.test(page) ? `/history?page=${page}` : null;
  }
  return null;
}
