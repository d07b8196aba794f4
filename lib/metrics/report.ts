// The whole metrics report for a list of periods: every figure the page, its charts and its CSV
// files show, derived from the timeline core. Pure: the caller passes the data and `now`.
import { componentIntervals } from "@/lib/timeline";
import { measureWindow, uptimeFromRed } from "@/lib/timeline/durations";
import type { ComponentState, StateInterval, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";
import { type ActionItemCounts, type ActionItemFacts, actionItemCounts } from "./action-items";
import { affectsComponent, type IncidentFacts, incidentFacts } from "./incidents";
import type { Period } from "./periods";
import type { WorkingHours } from "./working-hours";

/** What the query layer loads for a range (lib/db/metrics-queries.ts). */
export interface MetricsData {
  components: readonly TimelineComponent[];
  /** Incidents and maintenance that were open at any time in the range. */
  incidents: readonly TimelineIncident[];
  /** Incident id → its earliest internal timeline entry (an alert, a note, a handoff). */
  firstSignals: ReadonlyMap<number, Date>;
  actionItems: readonly ActionItemFacts[];
}

export interface MetricsOptions {
  periods: readonly Period[];
  /** A system includes its sub-components; null for all components. */
  componentId: number | null;
  workingHours: WorkingHours;
  now: Date;
}

export interface IncidentPeriodFigures {
  period: Period;
  incidents: number;
  /** Incidents by the highest state they reached; green = set no state. */
  byWorst: Record<ComponentState, number>;
  outOfHours: number;
  unresolved: number;
  medianTimeToFirstPostMs: number | null;
  medianTimeToResolveMs: number | null;
}

export interface ComponentPeriodFigures {
  period: Period;
  componentId: number;
  redMs: number;
  yellowMs: number;
  blueMs: number;
  uptimePercent: number;
}

export interface MetricsReport {
  /** Incidents (not maintenance) that began inside the periods, oldest first. */
  incidents: IncidentFacts[];
  byPeriod: IncidentPeriodFigures[];
  /** Per period, each component in view: the chosen one and its sub-components, or every component. */
  components: ComponentPeriodFigures[];
  actionItems: (ActionItemCounts & { period: Period })[];
}

export function metricsReport(data: MetricsData, options: MetricsOptions): MetricsReport {
  const { periods, componentId, now } = options;
  const first = periods[0];
  const last = periods[periods.length - 1];
  const inRange = (date: Date) => first !== undefined && last !== undefined && date >= first.start && date < last.end;
  const incidents = data.incidents
    .filter((incident) => incident.kind === "incident" && (componentId === null || affectsComponent(incident, componentId, data.components)))
    .map((incident) => incidentFacts(incident, { ...options, components: data.components, firstSignals: data.firstSignals }))
    .filter((facts) => inRange(facts.startedAt))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return {
    incidents,
    byPeriod: periods.map((period) =>
      incidentFigures(
        period,
        incidents.filter((facts) => facts.startedAt >= period.start && facts.startedAt < period.end),
      ),
    ),
    components: componentFigures(data, options),
    actionItems: periods.map((period) => ({ period, ...actionItemCounts(data.actionItems, period, now) })),
  };
}

function incidentFigures(period: Period, incidents: readonly IncidentFacts[]): IncidentPeriodFigures {
  const byWorst: Record<ComponentState, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  for (const facts of incidents) byWorst[facts.worst]++;
  return {
    period,
    incidents: incidents.length,
    byWorst,
    outOfHours: incidents.filter((facts) => facts.outOfHours).length,
    unresolved: incidents.filter((facts) => facts.resolvedAt === null).length,
    medianTimeToFirstPostMs: median(incidents.map((facts) => facts.timeToFirstPostMs)),
    medianTimeToResolveMs: median(incidents.map((facts) => facts.timeToResolveMs)),
  };
}

/** Red, yellow and blue time and uptime with the timeline core's own measure (rule 8), clipped to `now`. */
function componentFigures(data: MetricsData, { periods, componentId, now }: MetricsOptions): ComponentPeriodFigures[] {
  const inView =
    componentId === null ? data.components : data.components.filter((component) => component.id === componentId || component.parentId === componentId);
  const intervals = componentIntervals(data.incidents, data.components, now);
  return periods.flatMap((period) =>
    inView.map((component) => {
      const timeline: readonly StateInterval[] = intervals.get(component.id) ?? [];
      const { durations, measuredMs } = measureWindow(timeline, period.start.getTime(), Math.min(period.end.getTime(), now.getTime()));
      return {
        period,
        componentId: component.id,
        redMs: durations.red,
        yellowMs: durations.yellow,
        blueMs: durations.blue,
        uptimePercent: uptimeFromRed(durations.red, measuredMs),
      };
    }),
  );
}

/** The middle value (the mean of the two middle ones for an even count); null when there is none. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? (known[middle] ?? null) : ((known[middle - 1] ?? 0) + (known[middle] ?? 0)) / 2;
}
