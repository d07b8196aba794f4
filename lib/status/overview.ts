// What the home page shows: every system with its sub-components and current state, from the
// timeline core. A failure to read is reported as "unknown", never as green.
import type { Db } from "@/lib/db/client";
import { loadActiveIncidents, loadComponents, type ComponentRow } from "@/lib/db/timeline-queries";
import { currentStates, incidentState, overallState } from "@/lib/timeline";
import type { ComponentState, TimelineIncident } from "@/lib/timeline/types";

export interface ComponentStatus extends ComponentRow {
  state: ComponentState;
}

export interface SystemStatus extends ComponentStatus {
  children: ComponentStatus[];
}

export type StatusOverview =
  | {
      known: true;
      asOf: Date;
      overall: ComponentState;
      systems: SystemStatus[];
      openIncidents: TimelineIncident[];
    }
  | { known: false; asOf: Date; reason: string };

export async function loadStatusOverview(db: Db, now: Date): Promise<StatusOverview> {
  try {
    const [components, active] = await Promise.all([loadComponents(db), loadActiveIncidents(db, now)]);
    const states = currentStates(active, components, now);
    const visible = components.filter((component) => !component.hidden);
    const withState = (component: ComponentRow): ComponentStatus => ({
      ...component,
      state: states.get(component.id) ?? "green",
    });
    const systems = visible
      .filter((component) => component.parentId === null)
      .map((system) => ({
        ...withState(system),
        children: visible.filter((child) => child.parentId === system.id).map(withState),
      }));
    return {
      known: true,
      asOf: now,
      overall: overallState(components, states),
      systems,
      openIncidents: active.filter((incident) => incident.kind === "incident" && incidentState(incident, now).open),
    };
  } catch (error) {
    console.error("status overview: could not read the timeline", error);
    return { known: false, asOf: now, reason: "The status could not be read from the database." };
  }
}
