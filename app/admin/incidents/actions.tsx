"use server";
// The publish, edit and delete forms. Each goes through runAdminAction (requireRole + the shared
// zod schema) and calls one use-case from lib/incidents.
import type { ReactNode } from "react";
import type * as z from "zod";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { runAdminAction, withFieldErrors } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { requireRole } from "@/lib/auth/request";
import type { Actor } from "@/lib/auth/roles";
import { openIncident, previewPublish, publishPost, type PublishOutcome } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { deletePostSchema, editPostSchema, type Confirmation, type OpenIncidentInput, type PostUpdateInput } from "@/lib/validation/incidents";
import { confirmationOf, openIncidentFormSchema, postUpdateFormSchema } from "@/lib/validation/publish-form";
import { ImpactPreview } from "../_components/ImpactPreview";

export interface PublishFormState extends FormState {
  preview?: ReactNode;
  impactHash?: string;
  hasWarnings?: boolean;
}

const asAction = (minRole: Parameters<typeof requireRole>[0]) => requireRole(minRole, "action");

const CONFIRM_AGAIN: Record<Exclude<PublishOutcome, { status: "published" }>["reason"], string> = {
  unconfirmed: "Check the preview below, then publish.",
  changed: "What customers will see has changed since your preview (your edits, or another post). Check the new preview, then publish.",
  warnings: "Tick the box to confirm you have read the warnings, then publish.",
};

async function previewOrPublish(
  input: OpenIncidentInput | PostUpdateInput,
  form: Parameters<typeof confirmationOf>[0],
  actor: Actor,
  values: FormState["values"],
): Promise<PublishFormState> {
  const now = new Date();
  const confirmation = confirmationOf(form);
  return withFieldErrors(values, async () => {
    const outcome = confirmation ? await publishConfirmed(input, actor, now, confirmation) : await preview(input, now);
    if (outcome.status === "published") redirect(`/admin/incidents/${outcome.incidentNumber}?published=${outcome.postId}`);
    const post = { title: "title" in input ? input.title : undefined, type: input.type, body: input.body, postedAt: input.postedAt ?? now };
    return {
      status: "idle",
      message: confirmation ? CONFIRM_AGAIN[outcome.reason] : undefined,
      values,
      preview: <ImpactPreview impact={outcome.impact} post={post} now={now} />,
      impactHash: outcome.impact.hash,
      hasWarnings: outcome.impact.warnings.length > 0,
    };
  });
}

function publishConfirmed(input: OpenIncidentInput | PostUpdateInput, actor: Actor, now: Date, confirmation: Confirmation): Promise<PublishOutcome> {
  const options = { now, confirmation };
  return "incidentNumber" in input ? publishPost(db(), actor, input, options) : openIncident(db(), actor, input, options);
}

async function preview(input: OpenIncidentInput | PostUpdateInput, now: Date): Promise<PublishOutcome> {
  return { status: "needs-confirmation", reason: "unconfirmed", impact: await previewPublish(db(), input, now) };
}

export async function openIncidentAction(_previous: PublishFormState, formData: FormData): Promise<PublishFormState> {
  return runAdminAction({ role: "commander", schema: openIncidentFormSchema, run: (form, actor, values) => previewOrPublish(form, form, actor, values) }, asAction, formData);
}

export async function postUpdateAction(_previous: PublishFormState, formData: FormData): Promise<PublishFormState> {
  return runAdminAction({ role: "commander", schema: postUpdateFormSchema, run: (form, actor, values) => previewOrPublish(form, form, actor, values) }, asAction, formData);
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
  return runAdminAction({ role: "commander", schema, run }, asAction, formData);
}

export async function editPostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return revisePost(editPostSchema, (actor, input) => editPost(db(), actor, input, { now: new Date() }), "edited", formData);
}

export async function deletePostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return revisePost(deletePostSchema, (actor, input) => deletePost(db(), actor, input, { now: new Date() }), "deleted", formData);
}
