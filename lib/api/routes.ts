// PURE: the write API's addresses — method and path pattern → the endpoint of write-routes.ts that
// answers it. Beacon's own server (lib/api/server.ts) answers every /api/admin request from this
// table, so publishing through the API never loads Next.js. Adding an endpoint: one line here.
// Monitoring tools' inbound endpoints (/api/integrations/…, lib/api/inbound.ts) are lines here too.
import { percentDecoded } from "@/lib/text/percent-decoding";
import type { WriteApi } from "./write-routes";

export type WriteMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface WriteRoute {
  method: WriteMethod;
  /** Segments starting with ":" are parameters, handed to the endpoint percent-decoded. */
  pattern: `/api/admin/${string}` | `/api/integrations/${string}`;
  endpoint: keyof WriteApi;
}

export const WRITE_API_PREFIX = "/api/admin/";
export const INBOUND_API_PREFIX = "/api/integrations/";

export const WRITE_ROUTES: readonly WriteRoute[] = [
  { method: "POST", pattern: "/api/admin/incidents", endpoint: "openIncident" },
  { method: "POST", pattern: "/api/admin/incidents/:number/posts", endpoint: "postUpdate" },
  { method: "PATCH", pattern: "/api/admin/incidents/:number/posts/:id", endpoint: "editPost" },
  { method: "DELETE", pattern: "/api/admin/incidents/:number/posts/:id", endpoint: "deletePost" },
  { method: "POST", pattern: "/api/admin/maintenance", endpoint: "scheduleMaintenance" },
  { method: "POST", pattern: "/api/admin/maintenance/:number/extend", endpoint: "extendMaintenance" },
  { method: "POST", pattern: "/api/admin/maintenance/:number/end", endpoint: "endMaintenance" },
  { method: "POST", pattern: "/api/admin/maintenance/:number/cancel", endpoint: "cancelMaintenance" },
  { method: "POST", pattern: "/api/admin/deploys", endpoint: "recordDeploy" },
  { method: "GET", pattern: "/api/admin/deploys/gate", endpoint: "deployGate" },
  { method: "GET", pattern: "/api/admin/alert-rules", endpoint: "listAlertRules" },
  { method: "POST", pattern: "/api/admin/alert-rules", endpoint: "createAlertRule" },
  { method: "PATCH", pattern: "/api/admin/alert-rules/:id", endpoint: "updateAlertRule" },
  { method: "DELETE", pattern: "/api/admin/alert-rules/:id", endpoint: "deleteAlertRule" },
  { method: "POST", pattern: "/api/integrations/alertmanager", endpoint: "alertmanagerAlerts" },
  { method: "POST", pattern: "/api/integrations/grafana", endpoint: "grafanaAlerts" },
  { method: "POST", pattern: "/api/integrations/uptime-kuma", endpoint: "uptimeKumaAlerts" },
  { method: "POST", pattern: "/api/integrations/generic", endpoint: "genericAlerts" },
];

export type WriteRouteMatch =
  /** The endpoint, with the path's parameters (validated by the endpoint's own schema). */
  | { found: WriteRoute; params: Record<string, string> }
  /** The address exists, the method does not: 405 with these in `Allow`. */
  | { allowed: WriteMethod[] }
  /** A parameter is not valid percent-encoding: 400. */
  | { malformed: true }
  /** No such address: 404. */
  | null;

const splitPatterns = WRITE_ROUTES.map((route) => ({ route, segments: route.pattern.split("/") }));

/** The route for a request under WRITE_API_PREFIX. One trailing slash is ignored. */
export function matchWriteRoute(method: string, pathname: string): WriteRouteMatch {
  const segments = (pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname).split("/");
  const allowed: WriteMethod[] = [];
  for (const { route, segments: pattern } of splitPatterns) {
    const params = paramsOf(pattern, segments);
    if (params === null) continue;
    if (params === MALFORMED) return { malformed: true };
    if (route.method === method) return { found: route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : null;
}

const MALFORMED = Symbol("malformed");

function paramsOf(pattern: readonly string[], segments: readonly string[]): Record<string, string> | typeof MALFORMED | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (!part.startsWith(":")) {
      if (part !== segment) return null;
      continue;
    }
    if (segment === "") return null;
    const value = percentDecoded(segment);
    if (value === null) return MALFORMED;
    params[part.slice(1)] = value;
  }
  return params;
}
