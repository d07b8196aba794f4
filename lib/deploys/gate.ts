// PURE: the deploy gate. CI asks before it deploys; the answer is "clear" unless an open incident
// affects the environment (its system or any sub-component of it) or deploys of the environment
// are frozen. When a push has gone wrong, the worst next move is another push.
import { incidentState } from "@/lib/timeline";
import type { ComponentState, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";
import type { DeployEnvironment } from "@/lib/validation/deploys";

export interface GateIncident {
  number: number;
  title: string;
  /** Worst state its components in this environment are in now. */
  currentState: ComponentState;
  /** Worst state it ever put them in. */
  worstState: ComponentState;
  /** Who commands it; null when nobody has taken command. */
  commander: string | null;
}

export interface GateFreeze {
  frozenAt: Date;
  frozenBy: string;
  incidentNumber: number | null;
  reason: string;
}

export interface GateInput {
  service: string;
  environment: DeployEnvironment;
  incidents: readonly GateIncident[];
  freezes: readonly GateFreeze[];
}

export type GateDecision =
  | { status: "clear"; service: string; environment: DeployEnvironment }
  | { status: "closed"; service: string; environment: DeployEnvironment; reason: string; incidents: GateIncident[]; freezes: GateFreeze[] };

export function gateDecision({ service, environment, incidents, freezes }: GateInput): GateDecision {
  if (incidents.length === 0 && freezes.length === 0) return { status: "clear", service, environment };
  const reasons = [
    incidents.length > 0 ? `${incidents.length} open incident${incidents.length > 1 ? "s" : ""} affect${incidents.length > 1 ? "" : "s"} ${environment}` : "",
    freezes.length > 0 ? `deploys to ${environment} are frozen` : "",
  ].filter(Boolean);
  return { status: "closed", service, environment, reason: `${reasons.join("; ")}.`, incidents: [...incidents], freezes: [...freezes] };
}

/**
 * Open incidents (not maintenance) naming a component of the environment's system, with their
 * states over that system's components only. `commanderOf` names who commands each by incident id.
 */
export function incidentsAffectingEnvironment(
  incidents: readonly TimelineIncident[],
  components: readonly TimelineComponent[],
  environment: DeployEnvironment,
  commanderOf: (incidentId: number) => string | null,
  now: Date,
): GateIncident[] {
  const system = components.find((component) => component.parentId === null && component.slug === environment);
  if (!system) return [];
  const inEnvironment = new Set(components.filter((c) => c.id === system.id || c.parentId === system.id).map((c) => c.id));
  return incidents
    .filter((incident) => incident.kind === "incident" && incident.componentIds.some((id) => inEnvironment.has(id)) && incidentState(incident, now).open)
    .map((incident) => {
      const scoped: TimelineIncident = {
        ...incident,
        componentIds: incident.componentIds.filter((id) => inEnvironment.has(id)),
        posts: incident.posts.map((post) => ({ ...post, stateChanges: post.stateChanges.filter((change) => inEnvironment.has(change.componentId)) })),
      };
      const state = incidentState(scoped, now);
      return {
        number: incident.number,
        title: incident.title,
        currentState: state.current,
        worstState: state.worst,
        commander: commanderOf(incident.id),
      };
    })
    .sort((a, b) => a.number - b.number);
}
