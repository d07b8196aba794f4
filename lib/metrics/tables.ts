// Every figure of the report as a table of text cells: the page shows these tables and the CSV
// export writes the same ones, so the two cannot disagree.
import { MINUTE_MS } from "@/lib/timeline/dates";
import type { ComponentState, TimelineComponent } from "@/lib/timeline/types";
import type { MetricsReport } from "./report";
import { localTime } from "./zoned-time";

export const METRICS_TABLE_IDS = ["incidents-by-period", "incidents", "components", "action-items"] as const;
export type MetricsTableId = (typeof METRICS_TABLE_IDS)[number];

export interface MetricsTable {
  id: MetricsTableId;
  title: string;
  /** What a row is, for screen readers. */
  caption: string;
  columns: string[];
  /** Empty text where a figure does not exist (no post yet, still open). */
  rows: string[][];
}

/** "Highest state reached": an incident that set no state reached none. */
const HIGHEST_STATE: Record<ComponentState, string> = { red: "red", yellow: "yellow", blue: "blue", green: "none" };

/** Whole minutes, or one decimal below ten, so short delays stay visible. */
export function minutesText(ms: number | null): string {
  if (ms === null) return "";
  const minutes = ms / MINUTE_MS;
  return String(minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes));
}

function localText(instant: Date, timeZone: string): string {
  const { year, month, day, minuteOfDay } = localTime(instant, timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)} ${two(Math.floor(minuteOfDay / 60))}:${two(minuteOfDay % 60)}`;
}

export function metricsTables(report: MetricsReport, components: readonly TimelineComponent[], timeZone: string): MetricsTable[] {
  const nameOf = new Map(components.map((component) => [component.id, component.name]));
  return [
    {
      id: "incidents-by-period",
      title: "Incidents per period",
      caption: "Incidents that began in each period, by the highest state they reached, with median times",
      columns: [
        "Period",
        "Incidents",
        "Red",
        "Yellow",
        "Blue",
        "No state set",
        "Began out of working hours",
        "Unresolved",
        "Median minutes to first public post",
        "Median minutes to resolve",
      ],
      rows: report.byPeriod.map((figures) => [
        figures.period.label,
        String(figures.incidents),
        String(figures.byWorst.red),
        String(figures.byWorst.yellow),
        String(figures.byWorst.blue),
        String(figures.byWorst.green),
        String(figures.outOfHours),
        String(figures.unresolved),
        minutesText(figures.medianTimeToFirstPostMs),
        minutesText(figures.medianTimeToResolveMs),
      ]),
    },
    {
      id: "incidents",
      title: "Incidents",
      caption: "Each incident that began in the range, oldest first",
      columns: ["Incident", "Title", `Began (${timeZone})`, "Highest state", "Minutes to first public post", "Minutes to resolve", "Out of working hours"],
      rows: report.incidents.map((facts) => [
        `#${facts.incident.number}`,
        facts.incident.title,
        localText(facts.startedAt, timeZone),
        HIGHEST_STATE[facts.worst],
        minutesText(facts.timeToFirstPostMs),
        minutesText(facts.timeToResolveMs),
        facts.outOfHours ? "yes" : "no",
      ]),
    },
    {
      id: "components",
      title: "Components",
      caption: "Minutes in red, yellow and blue and uptime of each component per period",
      columns: ["Period", "Component", "Red minutes", "Yellow minutes", "Blue minutes", "Uptime %"],
      rows: report.components.map((figures) => [
        figures.period.label,
        nameOf.get(figures.componentId) ?? `#${figures.componentId}`,
        minutesText(figures.redMs),
        minutesText(figures.yellowMs),
        minutesText(figures.blueMs),
        figures.uptimePercent.toFixed(3),
      ]),
    },
    {
      id: "action-items",
      title: "Action items",
      caption: "Postmortem action items opened and closed in each period, and those overdue at its end",
      columns: ["Period", "Opened", "Closed", "Overdue"],
      rows: report.actionItems.map((counts) => [counts.period.label, String(counts.opened), String(counts.closed), String(counts.overdue)]),
    },
  ];
}
