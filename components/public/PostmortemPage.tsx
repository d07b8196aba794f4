import { PostBody } from "@/components/public/PostBody";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { Timestamp } from "@/components/public/Timestamp";
import type { I18n } from "@/lib/i18n";
import type { PublicIncident, PublicPostmortem } from "@/lib/timeline/types";
import { Rich } from "@/components/public/Rich";

/** A published postmortem: the text exactly as confirmed at publishing, under its incident's title. */
export function PostmortemPage({
  incident,
  postmortem,
  now,
  stale,
  loadedAt,
  i18n,
}: {
  incident: PublicIncident;
  postmortem: PublicPostmortem;
  now: Date;
  stale: boolean;
  loadedAt: Date;
  i18n: I18n;
}) {
  return (
    <article className="space-y-6" data-postmortem={incident.number}>
      {stale && <StatusUnknown lastUpdated={loadedAt} i18n={i18n} />}
      <div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{i18n.t("postmortem.of", { number: String(incident.number) })}</p>
        <h1 className="text-2xl font-bold">{incident.title}</h1>
        <p className="mt-2 text-sm">
          <Rich parts={i18n.parts("postmortem.published", { time: <Timestamp date={postmortem.publishedAt} now={now} i18n={i18n} /> })} />
        </p>
      </div>
      <section aria-label={i18n.t("postmortem.label")} className="rounded-lg bg-white p-4 shadow-sm dark:bg-zinc-900">
        <PostBody markdown={postmortem.body} />
      </section>
      <p className="print:hidden">
        <a href={i18n.href(`/incidents/${incident.number}`)} className="underline">
          {i18n.t("postmortem.updates")}
        </a>
      </p>
    </article>
  );
}
