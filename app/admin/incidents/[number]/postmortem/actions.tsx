"use server";
// The postmortem's forms: draft from the template, save, move between draft and review, publish
// after a preview of exactly what customers will read, and action items. Commanders write and
// publish; each action goes through runAdminAction and one use-case, postmortems.* (lib/incidents/postmortems.ts).
import { redirect } from "next/navigation";
import type * as z from "zod";
import { runAdminAction, withFieldErrors } from "@/lib/admin/action";
import { actionRoleCheck, buttonAction, formAction } from "@/lib/admin/form-action";
import type { FormState, PreviewFormState } from "@/lib/admin/form-state";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { countPostmortemWebhooks } from "@/lib/webhooks/outbox";
import * as postmortems from "@/lib/incidents/postmortems";
import { loadPostmortemForAdmin } from "@/lib/postmortems/queries";
import {
  actionItemSchema,
  actionItemStatusSchema,
  movePostmortemSchema,
  postmortemIncidentSchema,
  publishPostmortemSchema,
  savePostmortemSchema,
} from "@/lib/validation/postmortems";
import { PostmortemPreview } from "@/components/admin/PostmortemPreview";

export const startPostmortemAction = buttonAction("commander", postmortemIncidentSchema, async ({ incidentNumber }, actor) => {
  await postmortems.startPostmortem(db(), actor, incidentNumber, new Date());
});

export const savePostmortemAction = formAction("commander", savePostmortemSchema, async (input, actor) => {
  await postmortems.savePostmortem(db(), actor, input);
  return { status: "ok", message: "Draft saved. Customers see nothing of it until it is published." };
});

export const movePostmortemAction = buttonAction("commander", movePostmortemSchema, async (input, actor) => {
  await postmortems.movePostmortem(db(), actor, input);
});

export const addActionItemAction = formAction("commander", actionItemSchema, async (input, actor) => {
  await postmortems.addActionItem(db(), actor, input);
  return { status: "ok", message: "Action item added." };
});

export const actionItemStatusAction = buttonAction("commander", actionItemStatusSchema, async (input, actor) => {
  await postmortems.setActionItemStatus(db(), actor, input, new Date());
});

const CONFIRM_AGAIN = "The text changed since your preview (your edits, or someone else's). Check the new preview, then publish.";

/** First submit: the preview. Second: publish, if the text is still the one previewed. */
export async function publishPostmortemAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  const run = (input: z.infer<typeof publishPostmortemSchema>, actor: Actor, values: FormState["values"]) =>
    withFieldErrors(values, async (): Promise<PreviewFormState> => {
      const { incidentNumber } = input;
      if (input.intent === "publish" && input.impactHash) {
        const outcome = await postmortems.publishPostmortem(db(), actor, { incidentNumber, confirmedHash: input.impactHash }, new Date());
        if (outcome.status === "published") redirect(`/admin/incidents/${incidentNumber}/postmortem?published=1`);
      }
      const postmortem = await loadPostmortemForAdmin(db(), incidentNumber);
      if (!postmortem) return { status: "error", message: `Incident #${incidentNumber} has no postmortem yet.`, values };
      const preview = postmortems.previewPostmortem(postmortem);
      const webhooks = await countPostmortemWebhooks(db(), incidentNumber);
      return {
        status: "idle",
        message: input.intent === "publish" ? CONFIRM_AGAIN : undefined,
        values,
        preview: <PostmortemPreview incidentNumber={incidentNumber} title={postmortem.incident.title} preview={preview} webhooks={webhooks} />,
        impactHash: preview.hash,
        hasWarnings: false,
      };
    });
  return runAdminAction({ role: "commander", schema: publishPostmortemSchema, run }, actionRoleCheck, formData);
}
