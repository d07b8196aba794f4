/**
 * Heroku's status API, v3 (`/api/v3/current-status`, `/api/v3/issues`) and v4
 * (`/api/v4/current-status`, `/api/v4/incidents`), so `heroku status` (HEROKU_STATUS_HOST) and
 * scripts written against status.heroku.com read Beacon unchanged.
 *
 * Colours: green, yellow, red as in Beacon; blue (maintenance) has no colour in Heroku's formats and
 * is reported as yellow — work is under way, so never as green. Update types: issue, update,
 * resolved, scheduled; Beacon's "investigating" is reported as "issue". v3's two fixed systems,
 * Production and Development, are the systems of those names (else the worst of all systems).
 * In-progress maintenance is listed with the incidents (it affects the systems now); upcoming
 * maintenance under `scheduled` (v4) or as an issue with `upcoming: true` (v3).
 */
import type { PublicComponent, PublicIncident, PublicPost } from "@/lib/timeline/types";
import { currentStates, incidentState, maintenanceStatus, postSteps, worstState } from "@/lib/timeline";
import type { ComponentState, PostType } from "@/lib/timeline/types";
import { affectedComponents, incidentUpdatedAt, incidentUrl, postUpdatedAt, visibleComponents, visiblePosts, type FormatContext } from "./common";
import type {
  HerokuColor,
  HerokuUpdateType,
  HerokuV3CurrentStatus,
  HerokuV3Issue,
  HerokuV3Update,
  HerokuV4CurrentStatus,
  HerokuV4Incident,
  HerokuV4Update,
} from "./schemas";
import { incidentStatus, incidentUpdateStatuses } from "./statuspage-rules";

export function herokuColor(state: ComponentState): HerokuColor {
  return state === "blue" ? "yellow" : state;
}

export function herokuUpdateType(type: PostType): HerokuUpdateType {
  return type === "investigating" ? "issue" : type;
}

function systems(ctx: FormatContext): PublicComponent[] {
  return visibleComponents(ctx.components).filter((component) => component.parentId === null);
}

function legacySystemColor(ctx: FormatContext, states: ReadonlyMap<number, ComponentState>, name: "Production" | "Development"): HerokuColor {
  const all = systems(ctx);
  const named = all.find((system) => system.name.toLowerCase() === name.toLowerCase());
  const of = (system: PublicComponent) => states.get(system.id) ?? "green";
  return herokuColor(named ? of(named) : worstState(...all.map(of)));
}

/** Listed now: open incidents and maintenance in progress, then upcoming maintenance. */
function partition(ctx: FormatContext, active: readonly PublicIncident[]): { current: PublicIncident[]; upcoming: PublicIncident[] } {
  const current: PublicIncident[] = [];
  const upcoming: PublicIncident[] = [];
  for (const incident of active) {
    if (incident.kind === "maintenance") {
      const phase = maintenanceStatus(incident, ctx.now);
      if (phase === "upcoming") upcoming.push(incident);
      else if (phase === "in_progress") current.push(incident);
    } else if (incidentState(incident, ctx.now).open) current.push(incident);
  }
  return { current, upcoming };
}

export function v3Issue(ctx: FormatContext, incident: PublicIncident): HerokuV3Issue {
  const { now, components, baseUrl } = ctx;
  const posts = visiblePosts(incident, now);
  const states = currentStates([incident], components, now);
  // One pass over the timeline for every update's states, however long the incident.
  const steps = postSteps(incident, components, now);
  const updates = posts.map((post, index): HerokuV3Update => {
    const { after } = steps[index]!;
    return {
      id: post.id,
      created_at: post.postedAt.toISOString(),
      updated_at: postUpdatedAt(post).toISOString(),
      incident_id: incident.number,
      update_type: herokuUpdateType(post.type),
      contents: post.body,
      title: incident.title,
      status_dev: legacySystemColor(ctx, after, "Development"),
      status_prod: legacySystemColor(ctx, after, "Production"),
    };
  });
  return {
    id: incident.number,
    created_at: incident.openedAt.toISOString(),
    updated_at: incidentUpdatedAt(incident, now).toISOString(),
    title: incident.title,
    resolved: !incidentState(incident, now).open,
    upcoming: incident.kind === "maintenance" && maintenanceStatus(incident, now) === "upcoming",
    status_dev: legacySystemColor(ctx, states, "Development"),
    status_prod: legacySystemColor(ctx, states, "Production"),
    href: `${baseUrl}/api/v3/issues/${incident.number}`,
    full_url: incidentUrl(baseUrl, incident.number),
    updates: updates.reverse(),
  };
}

export function v3CurrentStatus(ctx: FormatContext, active: readonly PublicIncident[]): HerokuV3CurrentStatus {
  const states = currentStates(active, ctx.components, ctx.now);
  const { current, upcoming } = partition(ctx, active);
  return {
    status: Object.fromEntries(systems(ctx).map((system) => [system.name, herokuColor(states.get(system.id) ?? "green")])),
    issues: [...current, ...upcoming].map((incident) => v3Issue(ctx, incident)),
  };
}

/** Newest first; `newest` must be the newest incidents by opening time, so a `since` filter is a prefix. */
export function v3Issues(ctx: FormatContext, newest: readonly PublicIncident[], query: { since?: Date; limit: number }): HerokuV3Issue[] {
  const since = query.since?.getTime() ?? -Infinity;
  return newest
    .filter((incident) => incident.openedAt.getTime() >= since)
    .slice(0, query.limit)
    .map((incident) => v3Issue(ctx, incident));
}

function v4Update(post: PublicPost): HerokuV4Update {
  return {
    id: post.id,
    update_type: herokuUpdateType(post.type),
    contents: post.body,
    created_at: post.postedAt.toISOString(),
    updated_at: postUpdatedAt(post).toISOString(),
  };
}

export function v4Incident(ctx: FormatContext, incident: PublicIncident): HerokuV4Incident {
  const { now, components, baseUrl } = ctx;
  const posts = visiblePosts(incident, now);
  const state = incidentState(incident, now);
  const states = currentStates([incident], components, now);
  const affected = affectedComponents(incident, components);
  const affectedSystems = systems(ctx).filter((system) => affected.some((component) => component.id === system.id || component.parentId === system.id));
  return {
    id: incident.number,
    title: incident.title,
    created_at: incident.openedAt.toISOString(),
    updated_at: incidentUpdatedAt(incident, now).toISOString(),
    full_url: incidentUrl(baseUrl, incident.number),
    resolved: !state.open,
    state: incident.kind === "maintenance" ? maintenanceStatus(incident, now) : incidentStatus(state, incidentUpdateStatuses(posts)),
    systems: affectedSystems.map((system) => ({
      name: system.name,
      status: herokuColor(states.get(system.id) ?? "green"),
      services: affected.filter((component) => component.parentId === system.id).map((component) => component.name),
    })),
    updates: posts.map(v4Update).reverse(),
  };
}

export function v4CurrentStatus(ctx: FormatContext, active: readonly PublicIncident[]): HerokuV4CurrentStatus {
  const states = currentStates(active, ctx.components, ctx.now);
  const { current, upcoming } = partition(ctx, active);
  return {
    status: systems(ctx).map((system) => ({ system: system.name, status: herokuColor(states.get(system.id) ?? "green") })),
    incidents: current.map((incident) => v4Incident(ctx, incident)),
    scheduled: upcoming.map((incident) => v4Incident(ctx, incident)),
  };
}
