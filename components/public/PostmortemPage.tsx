import { PostBody } from "@/components/public/PostBody";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { Timestamp } from "@/components/public/Timestamp";
import type { PublicIncident, PublicPostmortem } from "@/lib/timeline/types";

/** A published postmortem: the text exactly as confirmed at publishing, under its incident's title. */
export function PostmortemPage({
  incident,
  postmortem,
  now,
  stale,
  loadedAt,
}: {
  incident: PublicIncident;
  postmortem: PublicPostmortem;
  now: Date;
  stale: boolean;
  loadedAt: Date;
}) {
  return (
    <article className="space-y-6" data-postmortem={incident.number}>
      {stale && <StatusUnknown lastUpdated={loadedAt} />}
      <div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Postmortem of incident #{incident.number}</p>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <p className="mt-2 text-sm">
          Published <Timestamp date={postmortem.publishedAt} now={now} />
        </p>
      </div>
      <section aria-label="Postmortem" className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
        <PostBody markdown={postmortem.body} />
      </section>
      <p className="print:hidden">
        <a href={`/incidents/${incident.number}`} className="underline">
          The incident's updates
        </a>
      </p>
    </article>
  );
}
