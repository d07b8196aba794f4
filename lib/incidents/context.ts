// What a publish decision is made on: components, what is active now, and the target incident —
// read inside the publish transaction so the diff and the write see the same data. Incidents come
// condensed to their states still in force (current-state.ts): the cost does not grow with history.
import type { Tx } from "@/lib/db/client";
import { loadComponents, type ComponentRow } from "@/lib/db/timeline-queries";
import type { TimelineIncident } from "@/lib/timeline/types";
import { enabledWebhookFilters } from "@/lib/webhooks/endpoints";
import type { EndpointFilter } from "@/lib/webhooks/match";
import { loadCurrentIncident, loadCurrentIncidents } from "./current-state";
import { PublishError } from "./errors";

export interface PublishContext {
  components: ComponentRow[];
  active: TimelineIncident[];
  incident: TimelineIncident | null;
  /** Whether the target incident ever had an Issue or Update post. */
  reported: boolean;
  webhooks: EndpointFilter[];
}

export async function loadPublishContext(tx: Tx, incidentNumber: number | null, now: Date): Promise<PublishContext> {
  // One after another: inside a transaction they share one connection anyway.
  const components = await loadComponents(tx);
  const active = await loadCurrentIncidents(tx, now);
  const target = incidentNumber === null ? null : await loadCurrentIncident(tx, incidentNumber);
  const webhooks = await enabledWebhookFilters(tx);
  if (incidentNumber !== null && target?.incident.kind !== "incident") {
    throw new PublishError("incidentNumber", `There is no incident #${incidentNumber}.`);
  }
  return { components, active, incident: target?.incident ?? null, reported: target?.reported ?? false, webhooks };
}

export function assertKnownComponents(context: PublishContext, ids: number[], field: string): void {
  const known = new Set(context.components.map((component) => component.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new PublishError(field, `Unknown component${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Reload the page.`);
}
