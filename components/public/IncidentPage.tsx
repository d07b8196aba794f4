import type { ComponentRow } from "@/lib/timeline/types";
import type { IncidentView } from "@/lib/public/views";
import { DurationList } from "@/components/public/DurationList";
import { PostTimeline } from "@/components/public/PostTimeline";
import { StatePill } from "@/components/public/StatePill";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { MAINTENANCE_LABEL } from "@/lib/text/labels";
import { Timestamp } from "@/components/public/Timestamp";

export function IncidentPage({
  view,
  components,
  now,
  stale,
  loadedAt,
}: {
  view: IncidentView;
  components: ComponentRow[];
  now: Date;
  stale: boolean;
  loadedAt: Date;
}) {
  const { incident, state, maintenance, affected, durations } = view;
  const span = { start: state.startedAt, end: state.endedAt ?? now };
  // A maintenance resolved before its window began was called off, not carried out.
  const cancelled = incident.kind === "maintenance" && state.endedAt !== null && state.endedAt <= state.startedAt;
  return (
    <article className="space-y-6" data-incident={incident.number}>
      {stale && <StatusUnknown lastUpdated={loadedAt} />}
      <div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {incident.kind === "maintenance" ? "Maintenance" : "Incident"} #{incident.number}
        </p>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          {cancelled ? (
            <span className="font-medium text-zinc-700 dark:text-zinc-300">Maintenance cancelled</span>
          ) : maintenance ? (
            <span className="font-medium text-blue-800 dark:text-blue-300">{MAINTENANCE_LABEL[maintenance]}</span>
          ) : state.open ? (
            <>
              <span>Ongoing:</span> <StatePill state={state.current} />
            </>
          ) : (
            <span className="font-medium text-green-800 dark:text-green-300">Resolved</span>
          )}
        </p>
        {cancelled ? (
          <p className="mt-2 text-sm">
            Cancelled <Timestamp date={state.endedAt!} now={now} /> — the window was to start <Timestamp date={state.startedAt} now={now} relative={false} />
          </p>
        ) : (
          <p className="mt-2 text-sm">
            Started <Timestamp date={state.startedAt} now={now} />
            {state.endedAt && (
              <>
                <br />
                Ended <Timestamp date={state.endedAt} now={now} />
              </>
            )}
          </p>
        )}
        {affected.length > 0 && <p className="mt-2">Affected: {affected.map((component) => component.name).join(", ")}</p>}
        {incident.postmortem && (
          <p className="mt-2" data-postmortem-link="">
            <a href={`/incidents/${incident.number}/postmortem`} className="font-medium underline">
              Read the postmortem
            </a>
          </p>
        )}
      </div>
      {durations.length > 0 && (
        <section aria-labelledby="durations" className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
          <h2 id="durations" className="mb-3 text-xl font-semibold">
            Time in each state
          </h2>
          <DurationList durations={durations} components={components} span={span} />
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates" className="mb-3 text-xl font-semibold">
          Updates
        </h2>
        <PostTimeline posts={incident.posts} now={now} />
      </section>
      <p className="print:hidden">
        <a href="/history" className="underline">
          All incidents
        </a>
      </p>
    </article>
  );
}
