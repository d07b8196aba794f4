// Atlassian Statuspage's public v2 API (`/api/v2/*.json`): the same objects, field names and order
// as a real Statuspage page, so Statuspage clients and exporters read Beacon unchanged. Ids are
// Beacon's public ones: incident number, component slug, post id. States come from the timeline
// core; statuspage-rules.ts translates them.
import { createHash } from "node:crypto";
import type { PublicComponent, PublicIncident, PublicPost } from "@/lib/timeline/types";
import { componentIntervals, incidentState, maintenanceStatus, postSteps, type PostStep } from "@/lib/timeline";
import {
  affectedComponents,
  displayOrder,
  incidentUpdatedAt,
  incidentUrl,
  latest,
  pageName,
  visibleComponents,
  visiblePosts,
  type FormatContext,
} from "./common";
import {
  componentStatuses,
  incidentImpact,
  firstRedStarts,
  incidentStatus,
  incidentUpdateStatuses,
  maintenanceStatuspageStatus,
  maintenanceUpdateStatuses,
  pageStatus,
  statusesFromStates,
} from "./statuspage-rules";
import type {
  StatuspageAffectedComponent,
  StatuspageComponent,
  StatuspageComponentsResponse,
  StatuspageComponentStatus,
  StatuspageIncident,
  StatuspageIncidentsResponse,
  StatuspageMaintenance,
  StatuspageMaintenancesResponse,
  StatuspagePage,
  StatuspageStatusResponse,
  StatuspageSummaryResponse,
} from "./schemas";

export type { StatuspageIncident, StatuspageMaintenance, StatuspagePage } from "./schemas";

/** What every endpoint shares: the page, the visible components and their statuses now. */
export interface StatuspageSite {
  ctx: FormatContext;
  pageId: string;
  visible: PublicComponent[];
  statuses: Map<number, StatuspageComponentStatus>;
  /** Open incidents and maintenance that has not ended. */
  active: PublicIncident[];
}

export function statuspageSite(ctx: FormatContext, active: readonly PublicIncident[]): StatuspageSite {
  return {
    ctx,
    pageId: pageIdFor(ctx.baseUrl),
    visible: visibleComponents(ctx.components),
    statuses: componentStatuses(active, ctx.components, ctx.now),
    active: [...active],
  };
}

/** A stable, opaque 12-character id like Statuspage's, derived from the public URL. */
function pageIdFor(baseUrl: string): string {
  return BigInt(`0x${createHash("sha256").update(baseUrl).digest("hex").slice(0, 16)}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
}

/** ISO 8601 with an explicit offset, as Statuspage writes it (and as older ISO parsers require). */
export function isoWithOffset(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

const iso = isoWithOffset;

function page(site: StatuspageSite, listed: readonly PublicIncident[] = []): StatuspagePage {
  const { ctx } = site;
  const changes = [
    ...ctx.components.map((component) => component.updatedAt),
    ...[...site.active, ...listed].map((incident) => incidentUpdatedAt(incident, ctx.now)),
  ];
  return {
    id: site.pageId,
    name: pageName(ctx),
    url: ctx.baseUrl,
    time_zone: "Etc/UTC",
    updated_at: iso(changes.length > 0 ? latest(changes) : ctx.now),
  };
}

function componentJson(site: StatuspageSite, component: PublicComponent): StatuspageComponent {
  const parent = component.parentId === null ? undefined : site.ctx.components.find((other) => other.id === component.parentId);
  const children = site.visible.filter((child) => child.parentId === component.id);
  const json: StatuspageComponent = {
    id: component.slug,
    name: component.name,
    status: site.statuses.get(component.id) ?? "operational",
    created_at: iso(component.createdAt),
    updated_at: iso(component.updatedAt),
    // Statuspage counts from 1 within each group.
    position: component.position + 1,
    description: component.description || null,
    // Systems carry uptime bars on the page; sub-components are listed under them.
    showcase: component.parentId === null,
    start_date: null,
    group_id: parent?.slug ?? null,
    page_id: site.pageId,
    group: children.length > 0,
    only_show_if_degraded: false,
  };
  return children.length > 0 ? { ...json, components: children.map((child) => child.slug) } : json;
}

/** Systems in order, each followed by its sub-components. */
function componentList(site: StatuspageSite): StatuspageComponent[] {
  const systems = site.visible.filter((component) => component.parentId === null);
  return systems
    .flatMap((system) => [system, ...site.visible.filter((child) => child.parentId === system.id)])
    .map((component) => componentJson(site, component));
}

function affectedByPost(site: StatuspageSite, step: PostStep, firstRed: ReadonlyMap<number, number>): StatuspageAffectedComponent[] | null {
  const { post } = step;
  const before = statusesFromStates(step.before, firstRed, post.postedAt);
  const after = statusesFromStates(step.after, firstRed, post.postedAt);
  const named = new Set(post.stateChanges.map((change) => change.componentId));
  const affected = displayOrder(site.visible)
    .filter((component) => named.has(component.id) || before.get(component.id) !== after.get(component.id))
    .map((component) => ({
      code: component.slug,
      name: component.name,
      old_status: before.get(component.id) ?? "operational",
      new_status: after.get(component.id) ?? "operational",
    }));
  return affected.length > 0 ? affected : null;
}

/** What incidents and maintenances share, in Statuspage's field order; `status` and `impact` are the kind's own. */
function eventJson<Status extends string, Impact extends string>(
  site: StatuspageSite,
  incident: PublicIncident,
  posts: readonly PublicPost[],
  statuses: readonly Status[],
  status: Status,
  impact: Impact,
) {
  const { now, baseUrl, components } = site.ctx;
  const state = incidentState(incident, now);
  const monitoring = posts.find((_, index) => statuses[index] === "monitoring" || statuses[index] === "verifying");
  // One pass over the timeline for every update's before/after, however long the incident.
  const steps = postSteps(incident, components, now);
  const firstRed = firstRedStarts(componentIntervals([incident], components, now));
  const updates = posts.map((post, index) => ({
    id: String(post.id),
    status: statuses[index]!,
    body: post.body,
    incident_id: String(incident.number),
    created_at: iso(post.createdAt),
    updated_at: iso(post.edited && post.updatedAt > post.createdAt ? post.updatedAt : post.createdAt),
    display_at: iso(post.postedAt),
    affected_components: affectedByPost(site, steps[index]!, firstRed),
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  }));
  return {
    id: String(incident.number),
    name: incident.title,
    status,
    created_at: iso(incident.openedAt),
    updated_at: iso(incidentUpdatedAt(incident, now)),
    monitoring_at: monitoring ? iso(monitoring.postedAt) : null,
    resolved_at: state.endedAt ? iso(state.endedAt) : null,
    impact,
    shortlink: incidentUrl(baseUrl, incident.number),
    started_at: iso(state.startedAt),
    page_id: site.pageId,
    // Newest first, as Statuspage lists them.
    incident_updates: updates.reverse(),
    components: affectedComponents(incident, components).map((component) => componentJson(site, component)),
  };
}

export function incidentJson(site: StatuspageSite, incident: PublicIncident): StatuspageIncident {
  const posts = visiblePosts(incident, site.ctx.now);
  const state = incidentState(incident, site.ctx.now);
  const statuses = incidentUpdateStatuses(posts);
  const event = eventJson(site, incident, posts, statuses, incidentStatus(state, statuses), incidentImpact(state));
  const { postmortem } = incident;
  // Statuspage's own field names; present once a postmortem is published (real pages omit them otherwise).
  return postmortem ? { ...event, postmortem_body: postmortem.body, postmortem_published_at: iso(postmortem.publishedAt) } : event;
}

export function maintenanceJson(site: StatuspageSite, maintenance: PublicIncident): StatuspageMaintenance {
  const posts = visiblePosts(maintenance, site.ctx.now);
  const statuses = maintenanceUpdateStatuses(maintenance, posts);
  return {
    ...eventJson(site, maintenance, posts, statuses, maintenanceStatuspageStatus(maintenance, statuses, site.ctx.now), "maintenance"),
    scheduled_for: maintenance.scheduledStartAt ? iso(maintenance.scheduledStartAt) : null,
    scheduled_until: maintenance.scheduledEndAt ? iso(maintenance.scheduledEndAt) : null,
  };
}

function unresolved(site: StatuspageSite): PublicIncident[] {
  return site.active.filter((incident) => incident.kind === "incident" && incidentState(incident, site.ctx.now).open);
}

function maintenances(site: StatuspageSite, phase: "upcoming" | "in_progress"): PublicIncident[] {
  return site.active
    .filter((incident) => incident.kind === "maintenance" && maintenanceStatus(incident, site.ctx.now) === phase)
    .sort((a, b) => (a.scheduledStartAt?.getTime() ?? 0) - (b.scheduledStartAt?.getTime() ?? 0));
}

export function statusJson(site: StatuspageSite): StatuspageStatusResponse {
  return { page: page(site), status: pageStatus(site.visible, site.statuses) };
}

export function componentsJson(site: StatuspageSite): StatuspageComponentsResponse {
  return { page: page(site), components: componentList(site) };
}

export function summaryJson(site: StatuspageSite): StatuspageSummaryResponse {
  return {
    page: page(site),
    components: componentList(site),
    incidents: unresolved(site).map((incident) => incidentJson(site, incident)),
    scheduled_maintenances: [...maintenances(site, "in_progress"), ...maintenances(site, "upcoming")].map((maintenance) => maintenanceJson(site, maintenance)),
    status: pageStatus(site.visible, site.statuses),
  };
}

/** Statuspage lists at most the 50 most recent incidents or maintenances. */
export const STATUSPAGE_LIST_LIMIT = 50;

/** `incidents.json` from the newest incidents; `incidents/unresolved.json` without `newest`. */
export function incidentsJson(site: StatuspageSite, newest?: readonly PublicIncident[]): StatuspageIncidentsResponse {
  const incidents = newest ? newest.filter((incident) => incident.kind === "incident").slice(0, STATUSPAGE_LIST_LIMIT) : unresolved(site);
  return { page: page(site, incidents), incidents: incidents.map((incident) => incidentJson(site, incident)) };
}

/** `scheduled-maintenances.json` (newest, any status), `/upcoming.json` or `/active.json`. */
export function maintenancesJson(site: StatuspageSite, which: { newest: readonly PublicIncident[] } | "upcoming" | "active"): StatuspageMaintenancesResponse {
  const list =
    which === "upcoming"
      ? maintenances(site, "upcoming")
      : which === "active"
        ? maintenances(site, "in_progress")
        : which.newest.filter((incident) => incident.kind === "maintenance").slice(0, STATUSPAGE_LIST_LIMIT);
  return { page: page(site, list), scheduled_maintenances: list.map((maintenance) => maintenanceJson(site, maintenance)) };
}
