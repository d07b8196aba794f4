import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { loadComponentStates, loadIncidentForAdmin } from "@/lib/incidents/admin-queries";
import { formatUtc } from "@/lib/text/format-time";
import { HOUR_MS } from "@/lib/timeline/dates";
import { AdminSection } from "../../_components/AdminSection";
import { PublishForm } from "../../_components/PublishForm";
import { PostItem } from "../../_components/PostItem";
import { MaintenanceActions, MaintenanceStatusLine } from "../../_components/MaintenanceActions";
import { IncidentTimeline } from "../../_components/IncidentTimeline";
import { IncidentCommand } from "../../_components/IncidentCommand";
import { DeploysBeforeIncident } from "../../_components/DeploysBeforeIncident";
import { loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { incidentState, maintenanceStatus } from "@/lib/timeline";
import { commandCandidates, commandersOf } from "@/lib/incident-timeline/command";
import { loadInternalEntries } from "@/lib/incident-timeline/entries";
import { incidentTimeline, timelineFilterOf } from "@/lib/incident-timeline/view";
import { loadIncidentDeploys, openFreezes } from "@/lib/deploys/queries";
import { deployWindowHoursSchema } from "@/lib/validation/deploys";
import { deletePostAction, editPostAction, postUpdateAction } from "../actions";
import { addLinkAction, addNoteAction, freezeDeploysAction, handOffCommandAction, liftDeployFreezeAction, takeCommandAction } from "../timeline-actions";

export const metadata: Metadata = { title: "Incident" };

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
  const timeline = (await loadIncidentByNumber(db(), incident.number))!;
  const state = incidentState(timeline, now);
  const window = incident.scheduledStartAt && incident.scheduledEndAt ? { start: incident.scheduledStartAt, end: incident.scheduledEndAt } : null;
  const status = incident.kind === "maintenance" && window ? maintenanceStatus(timeline, now) : null;
  const windowHours = deployWindowHoursSchema.parse(query.window);
  const [entries, deploys, commanders, candidates, productionFreezes, developmentFreezes] = await Promise.all([
    loadInternalEntries(db(), incident.id),
    loadIncidentDeploys(db(), { startedAt: state.startedAt, endedAt: state.endedAt ?? now, windowMs: windowHours * HOUR_MS }),
    commandersOf(db(), [incident.id]),
    canPost ? commandCandidates(db()) : [],
    openFreezes(db(), "production"),
    openFreezes(db(), "development"),
  ]);
  const filter = timelineFilterOf(query.timeline);
  const lines = incidentTimeline(
    { posts: incident.posts, entries, deploys: deploys.deploys, window: window && { ...window, endedAt: state.endedAt }, now },
    filter,
  );
  const href = `/admin/incidents/${incident.number}`;
  const postActions = canPost ? { editAction: editPostAction, deleteAction: deletePostAction } : null;

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
          {incident.kind === "incident" && (
            <>
              {" · "}
              <a href={`/admin/incidents/${incident.number}/postmortem`} className="underline" data-postmortem-link="">
                postmortem
              </a>
            </>
          )}
        </p>
      </div>
      {notice && (
        <p role="status" data-notice="" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100">
          {notice}
        </p>
      )}
      <IncidentCommand
        incidentNumber={incident.number}
        commander={commanders.get(incident.id) ?? null}
        commandsIt={incident.commanderId !== null && incident.commanderId === actor.userId}
        candidates={candidates}
        freezes={{ production: productionFreezes, development: developmentFreezes }}
        actions={
          canPost
            ? {
                takeCommand: takeCommandAction,
                handOff: handOffCommandAction,
                addNote: addNoteAction,
                addLink: addLinkAction,
                freeze: freezeDeploysAction,
                unfreeze: liftDeployFreezeAction,
              }
            : null
        }
      />
      <AdminSection id="timeline-heading" title="Timeline">
        <IncidentTimeline
          lines={lines}
          filter={filter}
          href={href}
          renderPost={(post) => <PostItem key={post.id} post={post} nameOf={nameOf} actions={postActions} />}
        />
      </AdminSection>
      {canPost && status && window && <MaintenanceActions incidentNumber={incident.number} status={status} window={window} />}
      {canPost && incident.kind === "incident" && (
        <AdminSection id="post-update" title="Post an update">
          <PublishForm action={postUpdateAction} components={components} idempotencyKey={randomUUID()} incidentNumber={incident.number} initialType="update" />
        </AdminSection>
      )}
      <DeploysBeforeIncident window={deploys.before} hours={windowHours} href={href} />
    </div>
  );
}
