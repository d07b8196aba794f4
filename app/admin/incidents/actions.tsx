"use server";
// The publish, edit and delete forms. Each goes through runAdminAction (requireRole + the shared
// zod schema) and calls one use-case from lib/incidents.
import type * as z from "zod";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { runAdminAction, withFieldErrors } from "@/lib/admin/action";
import { actionRoleCheck } from "@/lib/admin/form-action";
import type { FormState, PreviewFormState } from "@/lib/admin/form-state";
import type { Actor } from "@/lib/auth/roles";
import { openIncident, previewPublish, publishPost } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { deletePostSchema, editPostSchema, type OpenIncidentInput, type PostUpdateInput } from "@/lib/validation/incidents";
import { confirmationOf, openIncidentFormSchema, postUpdateFormSchema } from "@/lib/validation/publish-form";
import { previewOrPublish } from "../preview-or-publish";

function publishSteps(input: OpenIncidentInput | PostUpdateInput, actor: Actor) {
  return {
    preview: (now: Date) => previewPublish(db(), input, now),
    publish: (now: Date, confirmation: NonNullable<ReturnType<typeof confirmationOf>>) =>
      "incidentNumber" in input ? publishPost(db(), actor, input, { now, confirmation }) : openIncident(db(), actor, input, { now, confirmation }),
    shown: ({ incidentNumber, postId }: { incidentNumber: number; postId: number }) => `/admin/incidents/${incidentNumber}?published=${postId}`,
  };
}

export async function openIncidentAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  const run = (form: z.infer<typeof openIncidentFormSchema>, actor: Actor, values: FormState["values"]) =>
    previewOrPublish(values, confirmationOf(form), publishSteps(form, actor));
  return runAdminAction({ role: "commander", schema: openIncidentFormSchema, run }, actionRoleCheck, formData);
}

export async function postUpdateAction(_previous: PreviewFormState, formData: FormData): Promise<PreviewFormState> {
  const run = (form: z.infer<typeof postUpdateFormSchema>, actor: Actor, values: FormState["values"]) =>
    previewOrPublish(values, confirmationOf(form), publishSteps(form, actor));
  return runAdminAction({ role: "commander", schema: postUpdateFormSchema, run }, actionRoleCheck, formData);
}

/** Edit or delete one post, then show its incident with a notice. */
function revisePost<S extends typeof editPostSchema | typeof deletePostSchema>(
  schema: S,
  write: (actor: Actor, input: z.infer<S>) => Promise<{ incidentNumber: number }>,
  notice: "edited" | "deleted",
  formData: FormData,
): Promise<FormState> {
  const run = (input: z.infer<S>, actor: Actor, values: FormState["values"]) =>
    withFieldErrors(values, async () => {
      const { incidentNumber } = await write(actor, input);
      redirect(`/admin/incidents/${incidentNumber}?${notice}=${input.postId}`);
    });
  return runAdminAction({ role: "commander", schema, run }, actionRoleCheck, formData);
}

export async function editPostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return revisePost(editPostSchema, (actor, input) => editPost(db(), actor, input, { now: new Date() }), "edited", formData);
}

export async function deletePostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return revisePost(deletePostSchema, (actor, input) => deletePost(db(), actor, input, { now: new Date() }), "deleted", formData);
}
