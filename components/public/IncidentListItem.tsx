import type { IncidentView } from "@/lib/public/views";
import { StatePill } from "@/components/public/StatePill";
import { Timestamp } from "@/components/public/Timestamp";
import { formatDuration } from "@/lib/timeline";

/** One line of history: title, worst state reached, when and for how long. */
export function IncidentListItem({ view, now }: { view: IncidentView; now: Date }) {
  const { incident, state } = view;
  // A maintenance cancelled before its window began ended before it started: it lasted nothing.
  const lasted = state.endedAt && state.endedAt > state.startedAt ? formatDuration(state.endedAt.getTime() - state.startedAt.getTime()) : null;
  return (
    <li data-incident={incident.number} className="flex flex-wrap items-start justify-between gap-2 py-3">
      <div>
        <a href={`/incidents/${incident.number}`} className="font-medium underline-offset-2 hover:underline">
          {incident.title}
        </a>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          #{incident.number} · <Timestamp date={state.startedAt} now={now} relative={false} />
          {lasted && <> · lasted {lasted}</>}
          {state.open && <> · ongoing</>}
          {view.affected.length > 0 && <> · {view.affected.map((component) => component.name).join(", ")}</>}
        </p>
      </div>
      <StatePill state={state.worst} />
    </li>
  );
}
