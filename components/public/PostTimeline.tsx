import type { PublicPost } from "@/lib/timeline/types";
import type { PostType } from "@/lib/timeline/types";
import { PostBody } from "@/components/public/PostBody";
import { Timestamp } from "@/components/public/Timestamp";
import { ENGLISH, type I18n } from "@/lib/i18n";

const TYPE_STYLE: Record<PostType, string> = {
  investigating: "text-red-800 dark:text-red-300",
  issue: "text-red-800 dark:text-red-300",
  update: "text-amber-900 dark:text-amber-300",
  resolved: "text-green-800 dark:text-green-300",
  scheduled: "text-blue-800 dark:text-blue-300",
};

/** Posts newest first, each labelled with its type and time, as on Heroku's status site. */
export function PostTimeline({ posts, now, i18n = ENGLISH }: { posts: PublicPost[]; now: Date; i18n?: I18n }) {
  const newestFirst = [...posts].reverse();
  return (
    <ol className="space-y-4" data-timeline="">
      {newestFirst.map((post) => (
        <li key={post.id} data-post-type={post.type} className="border-l-4 border-zinc-300 pl-3 dark:border-zinc-700">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <strong className={TYPE_STYLE[post.type]}>{i18n.t(`postType.${post.type}`)}</strong>
            <Timestamp date={post.postedAt} now={now} i18n={i18n} />
            {post.edited && <span className="text-sm italic text-zinc-700 dark:text-zinc-300">{i18n.t("incident.edited")}</span>}
          </p>
          <PostBody markdown={post.body} />
        </li>
      ))}
    </ol>
  );
}
