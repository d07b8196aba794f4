import type { Metadata } from "next";
import { notFound } from "next/navigation";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadDraft } from "@/lib/alerts/drafts";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { formatUtc } from "@/lib/text/format-time";
import { AdminSection } from "../../_components/AdminSection";
import { AlertEvidenceList } from "../../_components/AlertEvidenceList";
import { draftProposal, StillFiring } from "../../_components/AlertDrafts";
import { DraftForm } from "../../_components/DraftForm";
import { confirmDraftAction, dismissDraftAction } from "../actions";

export const metadata: Metadata = { title: "Draft from alerts" };

const idSchema = z.coerce.number().int().positive();

export default async function DraftPage({ params }: PageProps<"/admin/drafts/[id]">) {
  await requireRole("commander");
  const id = idSchema.safeParse((await params).id);
  const draft = id.success ? await loadDraft(db(), id.data) : null;
  if (!draft) notFound();
  const components = await loadComponentStates(db(), new Date());
  const nameOf = (componentId: number) => components.find((component) => component.id === componentId)?.name ?? `#${componentId}`;
  const initialValues: Record<string, string> = { title: draft.title, body: draft.body };
  for (const change of draft.stateChanges) initialValues[`state.${change.componentId}`] = change.state;

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Draft: {draft.title}</h1>
        <p>
          {draftProposal(draft, nameOf)} · from {draft.integration?.name ?? "a removed integration"} · {formatUtc(draft.createdAt)}
        </p>
        <StillFiring draft={draft} />
      </div>
      {draft.status !== "open" ? (
        <p role="status" data-notice="">
          This draft was {draft.status}
          {draft.incident && (
            <>
              {": "}
              <a href={`/admin/incidents/${draft.incident.number}`} className="underline">
                #{draft.incident.number} {draft.incident.title}
              </a>
            </>
          )}
          .
        </p>
      ) : (
        <AdminSection id="confirm-heading" title="Edit, preview and publish">
          <p>Nothing is public yet. Change what you need, preview exactly what customers will see, then publish.</p>
          <DraftForm
            action={confirmDraftAction}
            draftId={draft.id}
            opensIncident={draft.kind === "open_incident"}
            components={components}
            initialValues={initialValues}
          />
          <form action={dismissDraftAction}>
            <input type="hidden" name="draftId" value={draft.id} />
            <button type="submit" className="underline">
              Dismiss this draft (publish nothing)
            </button>
          </form>
        </AdminSection>
      )}
      <AdminSection id="evidence-heading" title="Evidence">
        <AlertEvidenceList alerts={draft.alerts} title="The alerts behind this draft, firing ones first" />
      </AdminSection>
    </div>
  );
}
