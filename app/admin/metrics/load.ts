// What the metrics page and its CSV files show, computed once per request from one query
// (lib/db/metrics-queries.ts) and the pure report (lib/metrics/).
import { db } from "@/lib/db/client";
import { loadMetricsData } from "@/lib/db/metrics-queries";
import { loadComponents, type ComponentRow } from "@/lib/db/timeline-queries";
import { loadWorkingHours } from "@/lib/admin/working-hours";
import { type Period, periodsBetween, recentPeriods } from "@/lib/metrics/periods";
import { type MetricsReport, metricsReport } from "@/lib/metrics/report";
import { type MetricsTable, metricsTables } from "@/lib/metrics/tables";
import type { WorkingHours } from "@/lib/metrics/working-hours";
import { localTime } from "@/lib/metrics/zoned-time";
import { firstValues, type MetricsQuery, metricsQuerySchema } from "@/lib/validation/metrics";

/** Without a range: the last twelve periods up to now. */
const DEFAULT_PERIOD_COUNT = 12;
/** Five years of weeks: enough for any trend, small enough to render at once. */
const MAX_PERIODS = 260;

export interface MetricsView {
  /** The form's values as submitted, to show them again. */
  values: Record<string, string>;
  components: ComponentRow[];
  workingHours: WorkingHours;
  /** Field → message when the form could not be used; no figures then. */
  errors: Record<string, string>;
  query: MetricsQuery | null;
  focus: ComponentRow | null;
  periods: Period[];
  report: MetricsReport | null;
  tables: MetricsTable[];
}

export async function loadMetricsView(params: Record<string, string | string[] | undefined> | URLSearchParams, now: Date): Promise<MetricsView> {
  const values = firstValues(params);
  const [components, { hours: workingHours }] = await Promise.all([loadComponents(db()), loadWorkingHours(db())]);
  const view: MetricsView = { values, components, workingHours, errors: {}, query: null, focus: null, periods: [], report: null, tables: [] };
  const parsed = metricsQuerySchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) view.errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return view;
  }
  const query = parsed.data;
  const focus = query.component ? (components.find((component) => component.slug === query.component) ?? null) : null;
  if (query.component && !focus) return { ...view, errors: { component: "Choose a component from the list." } };
  const timeZone = workingHours.timeZone;
  // A start alone runs to today; an end alone shows that one period.
  const last = query.to ?? localTime(now, timeZone);
  const periods =
    query.from || query.to
      ? periodsBetween(query.period, query.from ?? last, last, timeZone, MAX_PERIODS)
      : recentPeriods(query.period, DEFAULT_PERIOD_COUNT, now, timeZone);
  if (periods.length > MAX_PERIODS) return { ...view, errors: { from: `Choose a shorter range: at most ${MAX_PERIODS} periods at a time.` } };
  const range = { from: periods[0]!.start, to: periods[periods.length - 1]!.end };
  const data = await loadMetricsData(db(), range);
  const report = metricsReport(data, { periods, componentId: focus?.id ?? null, workingHours, now });
  return { ...view, query, focus, periods, report, tables: metricsTables(report, data.components, timeZone) };
}
