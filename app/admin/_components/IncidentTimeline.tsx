// The incident's one chronological view for signed-in people: public posts interleaved with the
// internal timeline and the deploys around the incident, with links (no JavaScript needed) to show
// all, only public or only internal lines. Internal lines are marked so they are never mistaken for
// what customers see.
import { Fragment, type ReactNode } from "react";
import { PostBody } from "@/components/public/PostBody";
import type { IncidentDeploy } from "@/lib/deploys/history";
import type { InternalEntry, TimelineFilter, TimelineLine } from "@/lib/incident-timeline/view";
import { formatUtc } from "@/lib/text/format-time";

const FILTER_LABEL: Record<TimelineFilter, string> = { all: "All", public: "Public posts", internal: "Internal" };

interface Props<Post> {
  lines: readonly TimelineLine<Post>[];
  filter: TimelineFilter;
  /** The incident page's address, to which the filter links add ?timeline=… */
  href: string;
  renderPost: (post: Post) => ReactNode;
}

export function IncidentTimeline<Post>({ lines, filter, href, renderPost }: Props<Post>) {
  return (
    <>
      <nav aria-label="Timeline filter" className="flex gap-4 text-sm">
        {(Object.keys(FILTER_LABEL) as TimelineFilter[]).map((option) => (
          <a
            key={option}
            href={option === "all" ? `${href}#timeline-heading` : `${href}?timeline=${option}#timeline-heading`}
            aria-current={option === filter ? "page" : undefined}
            className={option === filter ? "font-semibold" : "underline"}
          >
            {FILTER_LABEL[option]}
          </a>
        ))}
      </nav>
      {lines.length === 0 && <p>Nothing on the timeline{filter === "all" ? "" : " for this filter"} yet.</p>}
      <ol className="space-y-4" data-timeline={filter}>
        {lines.map((line) =>
          line.type === "post" ? (
            <Fragment key={line.key}>{renderPost(line.post)}</Fragment>
          ) : (
            <li
              key={line.key}
              data-audience="internal"
              data-internal={line.type}
              className="rounded border border-amber-700/40 bg-amber-50 p-3 text-sm dark:bg-amber-950/40"
            >
              <p className="flex flex-wrap gap-x-2">
                <strong>Internal</strong>
                <span>{formatUtc(line.at)}</span>
              </p>
              {line.type === "entry" && <EntryLine entry={line.entry} />}
              {line.type === "deploy" && <DeployLine deploy={line.deploy} />}
              {line.type === "window" && <p>{line.event === "maintenance.started" ? "Maintenance window started." : "Maintenance window ended."}</p>}
            </li>
          ),
        )}
      </ol>
    </>
  );
}

function EntryLine({ entry }: { entry: InternalEntry }) {
  switch (entry.kind) {
    case "note":
      return (
        <div data-entry-kind="note">
          <p>Note by {entry.authorLabel}</p>
          <PostBody markdown={entry.body} />
        </div>
      );
    case "link":
      return (
        <p data-entry-kind="link">
          Link by {entry.authorLabel}:{" "}
          <a href={entry.linkUrl ?? "#"} rel="noopener noreferrer nofollow" className="underline">
            {entry.linkTitle}
          </a>{" "}
          <span className="break-all text-zinc-600 dark:text-zinc-400">({entry.linkUrl})</span>
        </p>
      );
    case "handoff":
      return (
        <p data-entry-kind="handoff">
          {entry.fromUser ? `Command passed from ${entry.fromUser} to ${entry.toUser ?? "a former user"}` : `${entry.toUser ?? "A former user"} took command`}{" "}
          (by {entry.authorLabel}).
        </p>
      );
    default:
      return (
        <p data-entry-kind={entry.kind} data-system-code={entry.systemCode ?? undefined}>
          {entry.body}
        </p>
      );
  }
}

function DeployLine({ deploy }: { deploy: IncidentDeploy }) {
  return (
    <p data-deploy={deploy.service} data-revert={deploy.revertOfVersion ? "" : undefined}>
      {deploy.revertOfVersion ? <strong>Revert: </strong> : "Deploy: "}
      {deploy.service} <code>{deploy.version}</code> to {deploy.environment} by {deploy.deployedBy}
      {deploy.revertOfVersion && ` — back to ${deploy.revertOfVersion}${deploy.revertSteps ? ` (${deploy.revertSteps})` : ""}`}
      {deploy.forcedThroughGate && ` — forced through the closed gate by ${deploy.forcedBy ?? deploy.recordedByLabel}`}
      {deploy.url && (
        <>
          {" · "}
          <a href={deploy.url} rel="noopener noreferrer nofollow" className="underline">
            details
          </a>
        </>
      )}
    </p>
  );
}
