import type { IncidentView, SystemView } from "@/lib/public/views";
import type { ComponentState } from "@/lib/timeline/types";
import { IncidentCard } from "@/components/public/IncidentCard";
import { SystemCard } from "@/components/public/SystemCard";
import { StatusUnknown } from "@/components/public/StatusNotice";
import type { I18n } from "@/lib/i18n";
import { Timestamp } from "@/components/public/Timestamp";
import { Rich } from "@/components/public/Rich";

export interface HomePageProps {
  overall: ComponentState;
  systems: SystemView[];
  openIncidents: IncidentView[];
  maintenance: IncidentView[];
  recentlyResolved: IncidentView[];
  now: Date;
  loadedAt: Date;
  stale: boolean;
  i18n: I18n;
}

const VERDICT_STYLE: Record<ComponentState, string> = {
  green: "border-green-700",
  blue: "border-blue-700",
  yellow: "border-amber-600",
  red: "border-red-700",
};

function IncidentSection({
  id,
  title,
  views,
  now,
  showPosts,
  i18n,
}: {
  id: string;
  title: string;
  views: IncidentView[];
  now: Date;
  showPosts: boolean;
  i18n: I18n;
}) {
  if (views.length === 0) return null;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {views.map((view) => (
        <IncidentCard key={view.incident.id} view={view} now={now} showPosts={showPosts} i18n={i18n} />
      ))}
    </section>
  );
}

export function HomePage(props: HomePageProps) {
  const { now, i18n } = props;
  const loaded = <Timestamp date={props.loadedAt} now={now} relative={false} i18n={i18n} />;
  return (
    <div className="space-y-8">
      {props.stale ? (
        <StatusUnknown lastUpdated={props.loadedAt} i18n={i18n} />
      ) : (
        <div className={`rounded-lg border-l-8 bg-white p-4 shadow-sm dark:bg-zinc-900 ${VERDICT_STYLE[props.overall]}`}>
          <h1 className="text-2xl font-bold" data-overall={props.overall}>
            {i18n.t(`verdict.${props.overall}`)}
          </h1>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            <Rich parts={i18n.parts("home.lastUpdated", { time: loaded })} />
          </p>
        </div>
      )}
      {props.stale ? (
        <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
          <Rich parts={i18n.parts("home.lastKnownStates", { time: loaded })} />
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {props.systems.map((system) => (
          <SystemCard key={system.component.id} system={system} i18n={i18n} />
        ))}
      </div>
      <IncidentSection id="open-incidents" title={i18n.t("home.openIncidents")} views={props.openIncidents} now={now} showPosts i18n={i18n} />
      <IncidentSection id="maintenance" title={i18n.t("home.scheduledMaintenance")} views={props.maintenance} now={now} showPosts i18n={i18n} />
      <IncidentSection id="recently-resolved" title={i18n.t("home.recentlyResolved")} views={props.recentlyResolved} now={now} showPosts={false} i18n={i18n} />
      <p>
        <a href={i18n.href("/history")} className="font-medium underline">
          {i18n.t("home.incidentHistory")}
        </a>
      </p>
    </div>
  );
}
