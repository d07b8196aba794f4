"use server";
// Confirming or dismissing an alert draft (commanders): the commander's edits go through the usual
// preview / diff / confirm step (previewOrPublish) and the publish use-case, via confirmDraft.
import type * as z from "zod";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { runAdminAction, withFieldErrors } from "@/lib/admin/action";
import { actionRoleCheck, buttonAction } from "@/lib/admin/form-action";
import type { FormState, PreviewFormState } from "@/lib/admin/form-state";
import { confirmDraft, dismissDraft, draftPublishInput, loadDraft } from "@/lib/alerts/drafts";
import type { Actor } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import { previewPublish } from "@/lib/incidents/publish";
import { confirmationOf, confirmDraftFormSchema, dismissDraftSchema } from "@/lib/validation/publish-form";
import { StillFiring } from "../_components/AlertDrafts";
import { previewOrPublish } from "../preview-or-publish";

type ConfirmDraftForm = z.infer<typeof confirmDraftFormSchema>;

async function confirmOrPreview(form: ConfirmDraftForm, actor: Actor, values: FormState["values"]): Promise<PreviewFormState> {
  const { draftId, intent: _intent, impactHash: _hash, acknowledgeWarnings: _ack, ...edits } = form;
  return withFieldErrors(values, async () => {
    const draft = await loadDraft(db(), draftId);
    if (draft?.status !== "open") throw new InputError("form", `This draft is no longer open${draft ? ` (${draft.status})` : ""}.`);
    const state = await previewOrPublish(values, confirmationOf(form), {
      preview: (now) => previewPublish(db(), draftPublishInput(draft, edits), now),
      publish: (now, confirmation) => confirmDraft(db(), actor, draftId, edits, { now, confirmation }),
      shown: ({ incidentNumber, postId }) => `/admin/incidents/${incidentNumber}?published=${postId}`,
    });
    // A proposed Resolved says, in the preview itself, which alerts still fire.
    if (!state.preview || draft.postType !== "resolved") return state;
    return {
      ...state,
      preview: (
        <>
          <StillFiring draft={draft} />
          {state.preview}
        </>
      ),
    };
  });
}

export async function confirmDraftAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  return runAdminAction({ role: "commander", schema: confirmDraftFormSchema, run: confirmOrPreview }, actionRoleCheck, formData);
}

/** Nothing is published; back to the dashboard. */
export const dismissDraftAction = buttonAction("commander", dismissDraftSchema, async ({ draftId }, actor) => {
  await dismissDraft(db(), actor, draftId, new Date());
  redirect("/admin");
});
