// View data for the public pages, computed from the timeline core with the current time. Pages
// never compute a state themselves: they render what these functions return.
import { componentIntervals, dailyHistory, incidentDurations, incidentState, maintenanceStatus, uptimePercent } from "@/lib/timeline";
import { DAY_MS } from "@/lib/timeline/dates";
import type {
  ComponentDurations,
  ComponentRow,
  ComponentState,
  DayHistory,
  IncidentState,
  MaintenanceStatus,
  PublicIncident,
  TimelineIncident,
} from "@/lib/timeline/types";

export const UPTIME_DAYS = 90;

export interface IncidentView {
  incident: PublicIncident;
  state: IncidentState;
  /** For maintenance only. */
  maintenance: MaintenanceStatus | null;
  durations: ComponentDurations[];
  /** Names of the components it affects, systems first. */
  affected: ComponentRow[];
}

export interface UptimeView {
  days: DayHistory[];
  uptimePercent: number;
  /** The time the figures were computed for (today's bar runs up to it). */
  asOf: Date;
}

export interface ComponentView {
  component: ComponentRow;
  state: ComponentState;
}

export interface SystemView extends ComponentView {
  children: ComponentView[];
  uptime: UptimeView;
}

/** The first UTC midnight of a window of `days` days that ends today. */
export function uptimeWindowStart(now: Date, days = UPTIME_DAYS): Date {
  const todayMidnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(todayMidnight - (days - 1) * DAY_MS);
}

export function incidentView(incident: PublicIncident, components: ComponentRow[], now: Date): IncidentView {
  const byId = new Map(components.map((component) => [component.id, component]));
  const durations = incidentDurations(incident, components, now);
  const affectedIds = new Set([...incident.componentIds, ...durations.map((entry) => entry.componentId)]);
  const affected = components.filter((component) => affectedIds.has(component.id));
  affected.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.position - b.position);
  return {
    incident,
    state: incidentState(incident, now),
    maintenance: incident.kind === "maintenance" ? maintenanceStatus(incident, now) : null,
    durations: durations.filter((entry) => byId.has(entry.componentId)),
    affected,
  };
}

/** 90 daily bars and the uptime % for each component, from the incidents overlapping the window. */
export function uptimeByComponent(incidents: readonly TimelineIncident[], components: ComponentRow[], now: Date, days = UPTIME_DAYS): Map<number, UptimeView> {
  const from = uptimeWindowStart(now, days);
  const intervals = componentIntervals(incidents, components, now);
  const result = new Map<number, UptimeView>();
  for (const component of components) {
    const own = intervals.get(component.id) ?? [];
    result.set(component.id, {
      days: dailyHistory(own, component.id, { from, days, now }),
      uptimePercent: uptimePercent(own, { start: from, end: now, now }),
      asOf: now,
    });
  }
  return result;
}

export function systemViews(components: ComponentRow[], states: ReadonlyMap<number, ComponentState>, uptime: ReadonlyMap<number, UptimeView>): SystemView[] {
  const visible = components.filter((component) => !component.hidden);
  const view = (component: ComponentRow): ComponentView => ({ component, state: states.get(component.id) ?? "green" });
  return visible
    .filter((component) => component.parentId === null)
    .map((system) => ({
      ...view(system),
      children: visible.filter((child) => child.parentId === system.id).map(view),
      uptime: uptime.get(system.id) ?? { days: [], uptimePercent: 100, asOf: new Date(0) },
    }));
}
