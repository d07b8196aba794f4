// PURE: which webhook endpoints a change of the public timeline concerns — by event and by
// component (an endpoint that names a system also hears about its sub-components).

export interface EndpointFilter {
  componentIds: number[];
  events: string[];
}

export interface NoticeScope {
  event: string;
  /** Components the incident names as affected plus those whose state the post changes. */
  componentIds: number[];
}

const MAINTENANCE_EVENTS: Record<string, string> = {
  "maintenance.schedule": "maintenance.scheduled",
  "maintenance.extend": "maintenance.extended",
  "maintenance.end_early": "maintenance.ended",
  "maintenance.cancel": "maintenance.cancelled",
};

export function eventOf(action: string, postType: string): string {
  if (action === "incident.open") return "incident.opened";
  if (action === "post.publish") return postType === "resolved" ? "incident.resolved" : "incident.updated";
  if (action === "post.edit") return "post.edited";
  if (action === "post.delete") return "post.deleted";
  return MAINTENANCE_EVENTS[action] ?? action;
}

export function endpointMatches(endpoint: EndpointFilter, scope: NoticeScope, parentOf: ReadonlyMap<number, number | null>): boolean {
  if (endpoint.events.length > 0 && !endpoint.events.includes(scope.event)) return false;
  if (endpoint.componentIds.length === 0) return true;
  const wanted = new Set(endpoint.componentIds);
  return scope.componentIds.some((id) => wanted.has(id) || wanted.has(parentOf.get(id) ?? NaN));
}

/** The stored JSON filter columns as lists; anything malformed counts as "no filter". */
export function filterOf(row: { componentIds: unknown; events: unknown }): EndpointFilter {
  const numbers = Array.isArray(row.componentIds) ? row.componentIds.filter((id): id is number => typeof id === "number") : [];
  const events = Array.isArray(row.events) ? row.events.filter((event): event is string => typeof event === "string") : [];
  return { componentIds: numbers, events };
}
