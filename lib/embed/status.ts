// /embed.json: the small public JSON the embeddable banner and the iframe widget read — the
// verdict, and the incidents and maintenance affecting customers right now, with only what a
// banner shows. Pure: the components, the active incidents, the clock and the base URL are passed in.
import { affectedComponents, type FormatContext, incidentUpdatedAt, incidentUrl, visiblePosts } from "@/lib/formats/common";
import type { EmbedStatusResponse } from "@/lib/formats/schemas";
import { OVERALL_VERDICT, POST_TYPE_LABEL } from "@/lib/text/labels";
import { currentStates, incidentState, maintenanceStatus, overallState } from "@/lib/timeline";
import { severity } from "@/lib/timeline/states";
import type { ComponentState, PublicComponent, PublicIncident } from "@/lib/timeline/types";

export type EmbedIncident = EmbedStatusResponse["incidents"][number];

/** Open incidents and maintenance in progress (not upcoming), worst first. */
export function embedStatus(ctx: FormatContext, active: readonly PublicIncident[]): EmbedStatusResponse {
  const overall = overallState(ctx.components, currentStates(active, ctx.components, ctx.now));
  const affecting = active.filter((incident) =>
    incident.kind === "incident" ? incident.resolvedAt === null : maintenanceStatus(incident, ctx.now) === "in_progress",
  );
  const incidents = affecting.map((incident) => embedIncident(ctx, incident));
  incidents.sort((a, b) => severity(b.state) - severity(a.state) || b.updated_at.localeCompare(a.updated_at));
  return { status: overall, description: OVERALL_VERDICT[overall], url: `${ctx.baseUrl}/`, incidents };
}

function embedIncident(ctx: FormatContext, incident: PublicIncident): EmbedIncident {
  const state: ComponentState = incident.kind === "maintenance" ? "blue" : incidentState(incident, ctx.now).current;
  return {
    id: incident.number,
    kind: incident.kind,
    title: incident.title,
    state,
    label: state === "green" ? openingLabel(incident, ctx.now) : OVERALL_VERDICT[state],
    components: componentSlugs(affectedComponents(incident, ctx.components), ctx.components),
    url: incidentUrl(ctx.baseUrl, incident.number),
    updated_at: incidentUpdatedAt(incident, ctx.now).toISOString(),
  };
}

/** An open incident that sets no state yet says what its latest post says ("Investigating"). */
function openingLabel(incident: PublicIncident, now: Date): string {
  const latest = visiblePosts(incident, now).at(-1);
  return POST_TYPE_LABEL[latest?.type ?? "investigating"];
}

/** The affected components and their systems: a host that chose a system hears of its sub-components. */
function componentSlugs(affected: readonly PublicComponent[], components: readonly PublicComponent[]): string[] {
  const byId = new Map(components.map((component) => [component.id, component]));
  const slugs = new Set<string>();
  for (const component of affected) {
    slugs.add(component.slug);
    const system = component.parentId === null ? undefined : byId.get(component.parentId);
    if (system && !system.hidden) slugs.add(system.slug);
  }
  return [...slugs];
}
