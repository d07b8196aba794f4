import type { IncidentView } from "@/lib/public/views";
import { PostTimeline } from "@/components/public/PostTimeline";
import { StatePill } from "@/components/public/StatePill";
import type { I18n } from "@/lib/i18n";
import { Timestamp } from "@/components/public/Timestamp";
import { Rich } from "@/components/public/Rich";

/**
 * Posts an incident shows on the home page, newest first; its page has them all. An incident fed by
 * automation can hold thousands: the home page stays small and quick to render whatever its length.
 */
export const HOME_POSTS_PER_INCIDENT = 10;

/** An incident on the home page: title, state, affected components and (optionally) its newest posts. */
export function IncidentCard({ view, now, showPosts, i18n }: { view: IncidentView; now: Date; showPosts: boolean; i18n: I18n }) {
  const { incident, state, maintenance, affected } = view;
  return (
    <article data-incident={incident.number} className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <a href={i18n.href(`/incidents/${incident.number}`)} className="underline-offset-2 hover:underline">
            {incident.title}
          </a>
        </h3>
        {maintenance ? (
          <span className="text-sm font-medium text-blue-800 dark:text-blue-300">{i18n.t(`maintenance.${maintenance}`)}</span>
        ) : state.open ? (
          <StatePill state={state.current} i18n={i18n} />
        ) : (
          <span className="text-sm font-medium text-green-800 dark:text-green-300">{i18n.t("incident.resolved")}</span>
        )}
      </div>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        #{incident.number}
        {affected.length > 0 && <> · {i18n.t("incident.affects", { names: affected.map((component) => component.name).join(", ") })}</>}
      </p>
      {maintenance && incident.scheduledStartAt && incident.scheduledEndAt && (
        <p className="mt-1 text-sm">
          <Rich
            parts={i18n.parts("incident.window", {
              start: <Timestamp date={incident.scheduledStartAt} now={now} i18n={i18n} />,
              end: <Timestamp date={incident.scheduledEndAt} now={now} relative={false} i18n={i18n} />,
            })}
          />
        </p>
      )}
      {!maintenance && !state.open && state.endedAt && (
        <p className="mt-1 text-sm">
          <Rich parts={i18n.parts("incident.resolvedAt", { time: <Timestamp date={state.endedAt} now={now} i18n={i18n} /> })} />
        </p>
      )}
      {showPosts && (
        <div className="mt-3">
          <PostTimeline posts={incident.posts.slice(-HOME_POSTS_PER_INCIDENT)} now={now} i18n={i18n} />
          {incident.posts.length > HOME_POSTS_PER_INCIDENT && (
            <p className="mt-3 text-sm" data-more-updates={incident.posts.length - HOME_POSTS_PER_INCIDENT}>
              {i18n.t("incident.newestOf", { shown: HOME_POSTS_PER_INCIDENT, total: incident.posts.length })}{" "}
              <a href={i18n.href(`/incidents/${incident.number}`)} className="underline">
                {i18n.t("incident.seeEveryUpdate")}
              </a>
            </p>
          )}
        </div>
      )}
    </article>
  );
}
