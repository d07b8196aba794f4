import type { IncidentView, SystemView } from "@/lib/public/views";
import type { ComponentState } from "@/lib/timeline/types";
import { IncidentCard } from "@/components/public/IncidentCard";
import { SystemCard } from "@/components/public/SystemCard";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { OVERALL_VERDICT } from "@/lib/text/labels";
import { Timestamp } from "@/components/public/Timestamp";

export interface HomePageProps {
  overall: ComponentState;
  systems: SystemView[];
  openIncidents: IncidentView[];
  maintenance: IncidentView[];
  recentlyResolved: IncidentView[];
  now: Date;
  loadedAt: Date;
  stale: boolean;
}

const VERDICT_STYLE: Record<ComponentState, string> = {
  green: "border-green-700",
  blue: "border-blue-700",
  yellow: "border-amber-600",
  red: "border-red-700",
};

function IncidentSection({ id, title, views, now, showPosts }: { id: string; title: string; views: IncidentView[]; now: Date; showPosts: boolean }) {
  if (views.length === 0) return null;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {views.map((view) => (
        <IncidentCard key={view.incident.id} view={view} now={now} showPosts={showPosts} />
      ))}
    </section>
  );
}

export function HomePage(props: HomePageProps) {
  const { now } = props;
  return (
    <div className="space-y-8">
      {props.stale ? (
        <StatusUnknown lastUpdated={props.loadedAt} />
      ) : (
        <div className={`rounded-lg border-l-8 bg-white p-4 shadow-sm dark:bg-zinc-900 ${VERDICT_STYLE[props.overall]}`}>
          <h1 className="text-2xl font-bold" data-overall={props.overall}>
            {OVERALL_VERDICT[props.overall]}
          </h1>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            Last updated <Timestamp date={props.loadedAt} now={now} relative={false} />
          </p>
        </div>
      )}
      {props.stale ? (
        <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
          Last known state of each system, as of <Timestamp date={props.loadedAt} now={now} relative={false} />:
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {props.systems.map((system) => (
          <SystemCard key={system.component.id} system={system} />
        ))}
      </div>
      <IncidentSection id="open-incidents" title="Open incidents" views={props.openIncidents} now={now} showPosts />
      <IncidentSection id="maintenance" title="Scheduled maintenance" views={props.maintenance} now={now} showPosts />
      <IncidentSection id="recently-resolved" title="Recently resolved" views={props.recentlyResolved} now={now} showPosts={false} />
      <p>
        <a href="/history" className="font-medium underline">
          Incident history
        </a>
      </p>
    </div>
  );
}
