import type { ComponentRow } from "@/lib/timeline/types";
import type { IncidentView, UptimeView } from "@/lib/public/views";
import type { ComponentState } from "@/lib/timeline/types";
import { IncidentListItem } from "@/components/public/IncidentListItem";
import { StatePill } from "@/components/public/StatePill";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { UptimeBars } from "@/components/public/UptimeBars";
import type { I18n } from "@/lib/i18n";
import { Rich } from "@/components/public/Rich";

export interface ComponentPageProps {
  component: ComponentRow;
  system: ComponentRow | null;
  state: ComponentState;
  uptime: UptimeView;
  incidents: IncidentView[];
  now: Date;
  stale: boolean;
  loadedAt: Date;
  i18n: I18n;
}

export function ComponentPage(props: ComponentPageProps) {
  const { component, i18n } = props;
  return (
    <div className="space-y-6" data-component-page={component.slug}>
      {props.stale && <StatusUnknown lastUpdated={props.loadedAt} i18n={i18n} />}
      <div>
        {props.system && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <Rich
              parts={i18n.parts("component.partOf", {
                system: (
                  <a className="underline" href={i18n.href(`/components/${props.system.slug}`)}>
                    {props.system.name}
                  </a>
                ),
              })}
            />
          </p>
        )}
        <h1 className="text-2xl font-bold">{component.name}</h1>
        {component.description && <p className="mt-1">{component.description}</p>}
        <p className="mt-2 flex items-center gap-2">
          {i18n.t("component.currentState")} <StatePill state={props.state} i18n={i18n} />
        </p>
      </div>
      <section aria-labelledby="uptime" className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900" data-system={component.slug}>
        <h2 id="uptime" className="text-xl font-semibold">
          {i18n.t("component.uptime")}
        </h2>
        <UptimeBars uptime={props.uptime} label={component.name} i18n={i18n} />
      </section>
      <section aria-labelledby="incidents">
        <h2 id="incidents" className="text-xl font-semibold">
          {i18n.t("component.recentIncidents")}
        </h2>
        {props.incidents.length === 0 ? (
          <p className="py-3">{i18n.t("component.noIncidents", { name: component.name })}</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {props.incidents.map((view) => (
              <IncidentListItem key={view.incident.id} view={view} now={props.now} i18n={i18n} />
            ))}
          </ul>
        )}
        <p className="mt-2">
          <a className="underline" href={i18n.href(`/history?component=${component.slug}`)}>
            {i18n.t("component.fullHistory", { name: component.name })}
          </a>
        </p>
      </section>
    </div>
  );
}
