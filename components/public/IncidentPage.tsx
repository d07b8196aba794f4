import type { ComponentRow } from "@/lib/timeline/types";
import type { IncidentView } from "@/lib/public/views";
import { DurationList } from "@/components/public/DurationList";
import { PostTimeline } from "@/components/public/PostTimeline";
import { StatePill } from "@/components/public/StatePill";
import { StatusUnknown } from "@/components/public/StatusNotice";
import type { I18n } from "@/lib/i18n";
import { Timestamp } from "@/components/public/Timestamp";
import { Rich } from "@/components/public/Rich";

export function IncidentPage({
  view,
  components,
  now,
  stale,
  loadedAt,
  i18n,
}: {
  view: IncidentView;
  components: ComponentRow[];
  now: Date;
  stale: boolean;
  loadedAt: Date;
  i18n: I18n;
}) {
  const { incident, state, maintenance, affected, durations } = view;
  const span = { start: state.startedAt, end: state.endedAt ?? now };
  // A maintenance resolved before its window began was called off, not carried out.
  const cancelled = incident.kind === "maintenance" && state.endedAt !== null && state.endedAt <= state.startedAt;
  const at = (date: Date, relative = true) => <Timestamp date={date} now={now} relative={relative} i18n={i18n} />;
  return (
    <article className="space-y-6" data-incident={incident.number}>
      {stale && <StatusUnknown lastUpdated={loadedAt} i18n={i18n} />}
      <div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{i18n.t("incident.kind", { kind: incident.kind, number: String(incident.number) })}</p>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          {cancelled ? (
            <span className="font-medium text-zinc-700 dark:text-zinc-300">{i18n.t("incident.cancelled")}</span>
          ) : maintenance ? (
            <span className="font-medium text-blue-800 dark:text-blue-300">{i18n.t(`maintenance.${maintenance}`)}</span>
          ) : state.open ? (
            <>
              <span>{i18n.t("incident.ongoingState")}</span> <StatePill state={state.current} i18n={i18n} />
            </>
          ) : (
            <span className="font-medium text-green-800 dark:text-green-300">{i18n.t("incident.resolved")}</span>
          )}
        </p>
        {cancelled ? (
          <p className="mt-2 text-sm">
            <Rich parts={i18n.parts("incident.cancelledAt", { time: at(state.endedAt!), start: at(state.startedAt, false) })} />
          </p>
        ) : (
          <p className="mt-2 text-sm">
            <Rich parts={i18n.parts("incident.started", { time: at(state.startedAt) })} />
            {state.endedAt && (
              <>
                <br />
                <Rich parts={i18n.parts("incident.ended", { time: at(state.endedAt) })} />
              </>
            )}
          </p>
        )}
        {affected.length > 0 && <p className="mt-2">{i18n.t("incident.affected", { names: affected.map((component) => component.name).join(", ") })}</p>}
        {incident.postmortem && (
          <p className="mt-2" data-postmortem-link="">
            <a href={i18n.href(`/incidents/${incident.number}/postmortem`)} className="font-medium underline">
              {i18n.t("incident.readPostmortem")}
            </a>
          </p>
        )}
      </div>
      {durations.length > 0 && (
        <section aria-labelledby="durations" className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
          <h2 id="durations" className="mb-3 text-xl font-semibold">
            {i18n.t("incident.timeInStates")}
          </h2>
          <DurationList durations={durations} components={components} span={span} i18n={i18n} />
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates" className="mb-3 text-xl font-semibold">
          {i18n.t("incident.updates")}
        </h2>
        <PostTimeline posts={incident.posts} now={now} i18n={i18n} />
      </section>
      <p className="print:hidden">
        <a href={i18n.href("/history")} className="underline">
          {i18n.t("incident.allIncidents")}
        </a>
      </p>
    </article>
  );
}
