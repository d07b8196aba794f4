import type { Metadata } from "next";
import { adminNow } from "@/lib/admin/clock";
import { requireRole } from "@/lib/auth/request";
import type { PeriodKind } from "@/lib/metrics/periods";
import { minutesText } from "@/lib/metrics/tables";
import { BarChart } from "@/components/admin/BarChart";
import { AdminSection } from "../_components/AdminSection";
import { AdminTable } from "../_components/AdminTable";
import { BUTTON_CLASS, SelectField, TextField } from "../_components/Field";
import { loadMetricsView, type MetricsView } from "./load";

export const metadata: Metadata = { title: "Metrics" };

const PERIOD_LABEL: Record<PeriodKind, string> = { week: "Week (ISO, from Monday)", month: "Month", quarter: "Quarter" };

function MetricsForm({ view }: { view: MetricsView }) {
  const { values, errors, components } = view;
  const systems = components.filter((component) => component.parentId === null);
  // Each system, then its components under it.
  const componentChoices = [
    ["", "All components"] as const,
    ...systems.flatMap((system) => [
      [system.slug, system.name] as const,
      ...components.filter((component) => component.parentId === system.id).map((component) => [component.slug, `${system.name} › ${component.name}`] as const),
    ]),
  ];
  return (
    <form method="get" action="/admin/metrics" className="grid gap-4 sm:grid-cols-5 sm:items-end">
      <SelectField name="period" label="Period" error={errors.period} defaultValue={values.period || "month"} options={PERIOD_LABEL} />
      <SelectField name="component" label="Component" error={errors.component} defaultValue={values.component ?? ""} options={componentChoices} />
      <TextField name="from" label="From (optional)" error={errors.from} type="date" defaultValue={values.from ?? ""} />
      <TextField name="to" label="To (optional)" error={errors.to} type="date" defaultValue={values.to ?? ""} />
      <button type="submit" className={BUTTON_CLASS}>
        Show
      </button>
    </form>
  );
}

function Charts({ view }: { view: MetricsView }) {
  const { report, periods, components, focus } = view;
  if (!report) return null;
  const labels = periods.map((period) => period.label);
  const total = report.byPeriod.reduce((sum, figures) => sum + figures.incidents, 0);
  const inView = focus ? [focus] : components.filter((component) => component.parentId === null);
  return (
    <AdminSection id="charts-heading" title="Charts">
      <BarChart
        id="chart-incidents"
        title="Incidents per period by highest state reached"
        description={`${total} incidents began in ${periods.length} periods (${labels[0]} to ${labels[labels.length - 1]}). Each bar stacks them by the highest state they reached. The figures are in the table "Incidents per period".`}
        categories={labels}
        unit="incidents"
        series={[
          { name: "Red", fillClass: "fill-red-700", values: report.byPeriod.map((figures) => figures.byWorst.red) },
          { name: "Yellow", fillClass: "fill-amber-500", values: report.byPeriod.map((figures) => figures.byWorst.yellow) },
          { name: "Blue", fillClass: "fill-blue-700", values: report.byPeriod.map((figures) => figures.byWorst.blue) },
          { name: "No state set", fillClass: "fill-zinc-400", values: report.byPeriod.map((figures) => figures.byWorst.green) },
        ]}
      />
      <BarChart
        id="chart-first-post"
        title="Median minutes to the first public post"
        description={`The median time from an incident's first signal to its first public post, per period: ${report.byPeriod
          .map((figures) => `${figures.period.label} ${minutesText(figures.medianTimeToFirstPostMs) || "none"}`)
          .join(", ")}. The figures are in the table "Incidents per period".`}
        categories={labels}
        unit="minutes"
        series={[
          {
            name: "Median minutes to first public post",
            fillClass: "fill-zinc-700 dark:fill-zinc-300",
            values: report.byPeriod.map((figures) => (figures.medianTimeToFirstPostMs ?? 0) / 60_000),
          },
        ]}
      />
      {inView.map((component) => {
        const rows = report.components.filter((figures) => figures.componentId === component.id);
        const red = rows.reduce((sum, figures) => sum + figures.redMs, 0);
        const yellow = rows.reduce((sum, figures) => sum + figures.yellowMs, 0);
        return (
          <BarChart
            key={component.id}
            id={`chart-component-${component.slug}`}
            title={`${component.name}: minutes in red and yellow per period`}
            description={`${component.name} was red for ${minutesText(red)} minutes and yellow for ${minutesText(yellow)} minutes over these periods. The figures, with uptime, are in the table "Components".`}
            categories={labels}
            unit="minutes"
            series={[
              { name: "Red minutes", fillClass: "fill-red-700", values: rows.map((figures) => figures.redMs / 60_000) },
              { name: "Yellow minutes", fillClass: "fill-amber-500", values: rows.map((figures) => figures.yellowMs / 60_000) },
            ]}
          />
        );
      })}
    </AdminSection>
  );
}

export default async function MetricsPage({ searchParams }: PageProps<"/admin/metrics">) {
  await requireRole("viewer");
  const params = await searchParams;
  const view = await loadMetricsView(params, await adminNow());
  const csvQuery = new URLSearchParams(view.values).toString();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Metrics</h1>
      <p>
        Periods and times are in {view.workingHours.timeZone}; incidents count in the period they began. Working hours and the time zone are set in{" "}
        <a href="/admin/settings" className="underline">
          Settings
        </a>
        .
      </p>
      <MetricsForm view={view} />
      <Charts view={view} />
      {view.tables.map((table) => (
        <AdminSection
          key={table.id}
          id={`${table.id}-heading`}
          title={table.title}
          aside={
            <a href={`/admin/metrics/csv/${table.id}${csvQuery ? `?${csvQuery}` : ""}`} className="underline" download>
              CSV<span className="sr-only"> of {table.title}</span>
            </a>
          }
        >
          <div className="overflow-x-auto">
            <AdminTable
              caption={table.caption}
              columns={table.columns}
              rows={table.rows}
              empty="None in this range."
              renderRow={(row) => (
                <tr key={row.join("\u0000")} className="border-t border-zinc-300 dark:border-zinc-700">
                  {row.map((cell, index) => (
                    <td key={table.columns[index]} className="pr-3">
                      {cell === "" ? "—" : cell}
                    </td>
                  ))}
                </tr>
              )}
            />
          </div>
        </AdminSection>
      ))}
    </div>
  );
}
