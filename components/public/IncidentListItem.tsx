import type { IncidentView } from "@/lib/public/views";
import { StatePill } from "@/components/public/StatePill";
import { Timestamp } from "@/components/public/Timestamp";
import { ENGLISH, type I18n } from "@/lib/i18n";

/** One line of history: title, worst state reached, when and for how long. */
export function IncidentListItem({ view, now, i18n = ENGLISH }: { view: IncidentView; now: Date; i18n?: I18n }) {
  const { incident, state } = view;
  // A maintenance cancelled before its window began ended before it started: it lasted nothing.
  const lasted = state.endedAt && state.endedAt > state.startedAt ? i18n.duration(state.endedAt.getTime() - state.startedAt.getTime()) : null;
  return (
    <li data-incident={incident.number} className="flex flex-wrap items-start justify-between gap-2 py-3">
      <div>
        <a href={i18n.href(`/incidents/${incident.number}`)} className="font-medium underline-offset-2 hover:underline">
          {incident.title}
        </a>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          #{incident.number} · <Timestamp date={state.startedAt} now={now} relative={false} i18n={i18n} />
          {lasted && <> · {i18n.t("incident.lasted", { duration: lasted })}</>}
          {state.open && <> · {i18n.t("incident.ongoing")}</>}
          {view.affected.length > 0 && <> · {view.affected.map((component) => component.name).join(", ")}</>}
        </p>
      </div>
      <StatePill state={state.worst} i18n={i18n} />
    </li>
  );
}
