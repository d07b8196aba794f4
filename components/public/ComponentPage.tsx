import type { ComponentRow } from "@/lib/timeline/types";
import type { IncidentView, UptimeView } from "@/lib/public/views";
import type { ComponentState } from "@/lib/timeline/types";
import { IncidentListItem } from "@/components/public/IncidentListItem";
import { StatePill } from "@/components/public/StatePill";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { UptimeBars } from "@/components/public/UptimeBars";

export interface ComponentPageProps {
  component: ComponentRow;
  system: ComponentRow | null;
  state: ComponentState;
  uptime: UptimeView;
  incidents: IncidentView[];
  now: Date;
  stale: boolean;
  loadedAt: Date;
}

export function ComponentPage(props: ComponentPageProps) {
  const { component } = props;
  return (
    <div className="space-y-6" data-component-page={component.slug}>
      {props.stale && <StatusUnknown lastUpdated={props.loadedAt} />}
      <div>
        {props.system && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Part of{" "}
            <a className="underline" href={`/components/${props.system.slug}`}>
              {props.system.name}
            </a>
          </p>
        )}
        <h1 className="text-2xl font-bold">{component.name}</h1>
        {component.description && <p className="mt-1">{component.description}</p>}
        <p className="mt-2 flex items-center gap-2">
          Current state: <StatePill state={props.state} />
        </p>
      </div>
      <section aria-labelledby="uptime" className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900" data-system={component.slug}>
        <h2 id="uptime" className="text-xl font-semibold">
          Uptime
        </h2>
        <UptimeBars uptime={props.uptime} label={component.name} />
      </section>
      <section aria-labelledby="incidents">
        <h2 id="incidents" className="text-xl font-semibold">
          Recent incidents
        </h2>
        {props.incidents.length === 0 ? (
          <p className="py-3">No incidents have affected {component.name}.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {props.incidents.map((view) => (
              <IncidentListItem key={view.incident.id} view={view} now={props.now} />
            ))}
          </ul>
        )}
        <p className="mt-2">
          <a className="underline" href={`/history?component=${component.slug}`}>
            Full history of {component.name}
          </a>
        </p>
      </section>
    </div>
  );
}
