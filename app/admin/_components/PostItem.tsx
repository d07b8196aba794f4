// One post of an incident as the admin shows it: type, times, author, deleted note, text, the states
// it sets, earlier versions, and (for commanders) edit and delete.
import { PostBody } from "@/components/public/PostBody";
import type { AdminIncident } from "@/lib/incidents/admin-queries";
import { formatUtc } from "@/lib/text/format-time";
import { POST_TYPE_LABEL, STATE_LABEL } from "@/lib/text/labels";
import { PostActions } from "./PostActions";

const BACKDATED_AFTER_MS = 60_000;

type Action = Parameters<typeof PostActions>[0]["editAction"];

interface Props {
  post: AdminIncident["posts"][number];
  nameOf: (componentId: number) => string;
  /** Set when the person may edit and delete posts. */
  actions: { editAction: Action; deleteAction: Action } | null;
}

export function PostItem({ post, nameOf, actions }: Props) {
  return (
    <li
      data-post={post.id}
      data-deleted={post.deletedAt ? "" : undefined}
      data-audience="public"
      className={`rounded border p-3 ${post.deletedAt ? "border-dashed opacity-70" : "border-zinc-300 dark:border-zinc-700"}`}
    >
      <p className="flex flex-wrap gap-x-2 text-sm">
        <strong>{POST_TYPE_LABEL[post.type]}</strong>
        <span>{formatUtc(post.postedAt)}</span>
        {Math.abs(post.createdAt.getTime() - post.postedAt.getTime()) > BACKDATED_AFTER_MS && <span>(backdated; written {formatUtc(post.createdAt)})</span>}
        <span>by {post.authorName || "unknown"}</span>
        {post.revisions.length > 0 && <span>(edited)</span>}
      </p>
      {post.deletedAt && (
        <p className="font-semibold">
          Deleted {formatUtc(post.deletedAt)}: {post.deletedReason}
        </p>
      )}
      <PostBody markdown={post.body} />
      {post.stateChanges.length > 0 && (
        <p className="text-sm">Sets: {post.stateChanges.map((change) => `${nameOf(change.componentId)} ${STATE_LABEL[change.state]}`).join(", ")}</p>
      )}
      {post.revisions.length > 0 && (
        <details className="mt-2 text-sm" data-revisions="">
          <summary className="cursor-pointer underline">Earlier versions ({post.revisions.length})</summary>
          <ol className="mt-2 space-y-2">
            {post.revisions.map((revision) => (
              <li key={revision.id} className="border-l-2 border-zinc-400 pl-2">
                <p>
                  Replaced {formatUtc(revision.editedAt)} by {revision.editor?.email ?? "a former user"}
                </p>
                <PostBody markdown={revision.body} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {actions && !post.deletedAt && <PostActions postId={post.id} body={post.body} editAction={actions.editAction} deleteAction={actions.deleteAction} />}
    </li>
  );
}
