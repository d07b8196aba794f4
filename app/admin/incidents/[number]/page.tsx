import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { loadComponentStates, loadIncidentForAdmin } from "@/lib/incidents/admin-queries";
import { PostBody } from "@/components/public/PostBody";
import { POST_TYPE_LABEL, STATE_LABEL } from "@/lib/text/labels";
import { formatUtc } from "@/lib/text/format-time";
import { AdminSection } from "../../_components/AdminSection";
import { PublishForm } from "../../_components/PublishForm";
import { PostActions } from "../../_components/PostActions";
import { MaintenanceActions, MaintenanceStatusLine } from "../../_components/MaintenanceActions";
import { loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { maintenanceStatus } from "@/lib/timeline";
import { deletePostAction, editPostAction, postUpdateAction } from "../actions";

export const metadata: Metadata = { title: "Incident" };

const BACKDATED_AFTER_MS = 60_000;
const MAINTENANCE_NOTICE: Record<string, string> = {
  scheduled: "Maintenance scheduled. Customers see it as upcoming.",
  extended: "Maintenance extended; customers see the new end.",
  ended: "Maintenance ended.",
  cancelled: "Maintenance cancelled.",
};

/** The notice after a maintenance change; any other value (even "__proto__" or "constructor") shows none. */
function maintenanceNotice(value: string | string[] | undefined): string | null {
  return typeof value === "string" && Object.hasOwn(MAINTENANCE_NOTICE, value) ? MAINTENANCE_NOTICE[value]! : null;
}

export default async function AdminIncidentPage({ params, searchParams }: PageProps<"/admin/incidents/[number]">) {
  const actor = await requireRole("viewer");
  const number = Number((await params).number);
  const incident = Number.isInteger(number) && number > 0 ? await loadIncidentForAdmin(db(), number) : null;
  if (!incident) notFound();
  const query = await searchParams;
  const now = new Date();
  const components = await loadComponentStates(db(), now);
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `#${id}`;
  const canPost = hasRole(actor.role, "commander");
  const notice = query.published
    ? "Published."
    : query.edited
      ? "Edit saved; the earlier text is kept below."
      : query.deleted
        ? "Post deleted."
        : maintenanceNotice(query.maintenance);
  const timeline = incident.kind === "maintenance" ? await loadIncidentByNumber(db(), incident.number) : null;
  const window = incident.scheduledStartAt && incident.scheduledEndAt ? { start: incident.scheduledStartAt, end: incident.scheduledEndAt } : null;
  const status = timeline && window ? maintenanceStatus(timeline, now) : null;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">
          #{incident.number} {incident.title}
        </h1>
        {status && window && <MaintenanceStatusLine status={status} window={window} />}
        <p className="text-sm">
          {incident.kind === "maintenance" ? "Maintenance" : incident.resolvedAt ? `Resolved ${formatUtc(incident.resolvedAt)}` : "Open"} ·{" "}
          <a href={`/incidents/${incident.number}`} className="underline">
            public page
          </a>
        </p>
      </div>
      {notice && (
        <p role="status" data-notice="" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          {notice}
        </p>
      )}
      <AdminSection id="posts-heading" title="Posts">
        <ol className="space-y-4">
          {incident.posts.map((post) => (
            <li
              key={post.id}
              data-post={post.id}
              data-deleted={post.deletedAt ? "" : undefined}
              className={`rounded border p-3 ${post.deletedAt ? "border-dashed opacity-70" : "border-zinc-300 dark:border-zinc-700"}`}
            >
              <p className="flex flex-wrap gap-x-2 text-sm">
                <strong>{POST_TYPE_LABEL[post.type]}</strong>
                <span>{formatUtc(post.postedAt)}</span>
                {Math.abs(post.createdAt.getTime() - post.postedAt.getTime()) > BACKDATED_AFTER_MS && (
                  <span>(backdated; written {formatUtc(post.createdAt)})</span>
                )}
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
              {canPost && !post.deletedAt && <PostActions postId={post.id} body={post.body} editAction={editPostAction} deleteAction={deletePostAction} />}
            </li>
          ))}
        </ol>
      </AdminSection>
      {canPost && status && window && <MaintenanceActions incidentNumber={incident.number} status={status} window={window} />}
      {canPost && incident.kind === "incident" && (
        <AdminSection id="post-update" title="Post an update">
          <PublishForm action={postUpdateAction} components={components} idempotencyKey={randomUUID()} incidentNumber={incident.number} initialType="update" />
        </AdminSection>
      )}
    </div>
  );
}
