// Every public machine-readable endpoint, by path pattern: the one table that both the Next.js
// route files (`app/…/route.ts`) and the custom server's fast path (lib/public/server.ts) use.
import { componentsJson, incidentsJson, maintenancesJson, statusJson, summaryJson } from "@/lib/formats/statuspage";
import {
  componentBadgeRoute,
  componentFeedRoute,
  historyFeedRoute,
  maintenanceCalendarRoute,
  overallBadgeRoute,
  statuspageRoute,
  v3CurrentStatusRoute,
  v3IssueRoute,
  v3IssuesRoute,
  v4CurrentStatusRoute,
  v4IncidentsRoute,
} from "@/lib/http/public-routes";

export type PublicHandler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export const PUBLIC_ENDPOINTS = {
  "/history.rss": historyFeedRoute("rss"),
  "/history.atom": historyFeedRoute("atom"),
  "/history.json": historyFeedRoute("json"),
  "/components/:slug/history.rss": componentFeedRoute("rss"),
  "/components/:slug/history.atom": componentFeedRoute("atom"),
  "/badge.svg": overallBadgeRoute,
  "/components/:slug/badge.svg": componentBadgeRoute,
  "/maintenance.ics": maintenanceCalendarRoute,
  "/api/v2/summary.json": statuspageRoute(summaryJson),
  "/api/v2/status.json": statuspageRoute(statusJson),
  "/api/v2/components.json": statuspageRoute(componentsJson),
  "/api/v2/incidents.json": statuspageRoute(async (site, newest) => incidentsJson(site, await newest("incident"))),
  "/api/v2/incidents/unresolved.json": statuspageRoute((site) => incidentsJson(site)),
  "/api/v2/scheduled-maintenances.json": statuspageRoute(async (site, newest) => maintenancesJson(site, { newest: await newest("maintenance") })),
  "/api/v2/scheduled-maintenances/upcoming.json": statuspageRoute((site) => maintenancesJson(site, "upcoming")),
  "/api/v2/scheduled-maintenances/active.json": statuspageRoute((site) => maintenancesJson(site, "active")),
  "/api/v3/current-status": v3CurrentStatusRoute,
  "/api/v3/issues": v3IssuesRoute,
  "/api/v3/issues/:id": v3IssueRoute,
  "/api/v4/current-status": v4CurrentStatusRoute,
  "/api/v4/incidents": v4IncidentsRoute,
} satisfies Record<string, PublicHandler>;

export type PublicEndpointPath = keyof typeof PUBLIC_ENDPOINTS;

const matchers = Object.entries(PUBLIC_ENDPOINTS).map(([pattern, handler]) => {
  const names: string[] = [];
  const source = pattern.replace(/[.]/g, "\\.").replace(/:([a-z]+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { regex: new RegExp(`^${source}$`), names, handler: handler as PublicHandler };
});

/** The endpoint for a pathname and its path parameters, or null. */
export function matchPublicEndpoint(pathname: string): { handler: PublicHandler; params: Record<string, string> } | null {
  for (const { regex, names, handler } of matchers) {
    const match = regex.exec(pathname);
    if (match) return { handler, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])) };
  }
  return null;
}
