import type { ComponentRow } from "@/lib/timeline/types";
import type { HistoryMonth } from "@/lib/public/history-range";
import { IncidentListItem } from "@/components/public/IncidentListItem";
import { StatusUnknown } from "@/components/public/StatusNotice";
import type { I18n } from "@/lib/i18n";
import { ApplyButton, CHOICE_SELECT_CLASS } from "./ChoiceControls";

export interface HistoryPageProps {
  months: HistoryMonth[];
  components: ComponentRow[];
  selectedSlug: string | null;
  page: number;
  newerHref: string | null;
  olderHref: string | null;
  now: Date;
  stale: boolean;
  loadedAt: Date;
  i18n: I18n;
}

export function HistoryPage(props: HistoryPageProps) {
  const { i18n } = props;
  const selected = props.components.find((component) => component.slug === props.selectedSlug);
  return (
    <div className="space-y-6">
      {props.stale && <StatusUnknown lastUpdated={props.loadedAt} i18n={i18n} />}
      <h1 className="text-2xl font-bold">{selected ? i18n.t("history.titleFor", { name: selected.name }) : i18n.t("history.title")}</h1>
      <form method="get" action="/history" className="flex flex-wrap items-end gap-2">
        {Object.entries(i18n.choice).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div>
          <label htmlFor="component-filter" className="block text-sm font-medium">
            {i18n.t("history.component")}
          </label>
          <select id="component-filter" name="component" defaultValue={props.selectedSlug ?? ""} className={CHOICE_SELECT_CLASS}>
            <option value="">{i18n.t("history.allComponents")}</option>
            {props.components
              .filter((component) => !component.hidden)
              .map((component) => (
                <option key={component.id} value={component.slug}>
                  {component.parentId === null ? component.name : `— ${component.name}`}
                </option>
              ))}
          </select>
        </div>
        <ApplyButton>{i18n.t("history.filter")}</ApplyButton>
      </form>
      {props.months.map((month) => (
        <section key={month.key} aria-labelledby={`month-${month.key}`} data-month={month.key}>
          <h2 id={`month-${month.key}`} className="border-b border-zinc-300 pb-1 text-xl font-semibold dark:border-zinc-700">
            {i18n.month(new Date(`${month.key}-01T00:00:00Z`))}
          </h2>
          {month.incidents.length === 0 ? (
            <p className="py-3 text-zinc-700 dark:text-zinc-300">{i18n.t("history.emptyMonth")}</p>
          ) : (
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {month.incidents.map((view) => (
                <IncidentListItem key={view.incident.id} view={view} now={props.now} i18n={i18n} />
              ))}
            </ul>
          )}
        </section>
      ))}
      <nav aria-label={i18n.t("history.pages")} className="flex justify-between">
        {props.newerHref ? (
          <a href={i18n.href(props.newerHref)} rel="prev" className="underline">
            {i18n.t("history.newer")}
          </a>
        ) : (
          <span />
        )}
        <span className="text-sm">{i18n.t("history.page", { page: props.page })}</span>
        {props.olderHref ? (
          <a href={i18n.href(props.olderHref)} rel="next" className="underline">
            {i18n.t("history.older")}
          </a>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
