import type { IncidentView } from "@/lib/public/views";
import { PostTimeline } from "@/components/public/PostTimeline";
import { StatePill } from "@/components/public/StatePill";
import { MAINTENANCE_LABEL } from "@/lib/text/labels";
import { Timestamp } from "@/components/public/Timestamp";

/** An incident on the home page: title, state, affected components and (optionally) its posts. */
export function IncidentCard({ view, now, showPosts }: { view: IncidentView; now: Date; showPosts: boolean }) {
  const { incident, state, maintenance, affected } = view;
  return (
    <article data-incident={incident.number} className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <a href={`/incidents/${incident.number}`} className="underline-offset-2 hover:underline">
            {incident.title}
          </a>
        </h3>
        {maintenance ? (
          <span className="text-sm font-medium text-blue-800 dark:text-blue-300">{MAINTENANCE_LABEL[maintenance]}</span>
        ) : state.open ? (
          <StatePill state={state.current} />
        ) : (
          <span className="text-sm font-medium text-green-800 dark:text-green-300">Resolved</span>
        )}
      </div>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        #{incident.number}
        {affected.length > 0 && <> · Affects {affected.map((component) => component.name).join(", ")}</>}
      </p>
      {maintenance && incident.scheduledStartAt && incident.scheduledEndAt && (
        <p className="mt-1 text-sm">
          Window: <Timestamp date={incident.scheduledStartAt} now={now} /> to <Timestamp date={incident.scheduledEndAt} now={now} relative={false} />
        </p>
      )}
      {!maintenance && !state.open && state.endedAt && (
        <p className="mt-1 text-sm">
          Resolved <Timestamp date={state.endedAt} now={now} />
        </p>
      )}
      {showPosts && (
        <div className="mt-3">
          <PostTimeline posts={incident.posts} now={now} />
        </div>
      )}
    </article>
  );
}
