"use server";
// Incident templates (commanders and admins): each form calls one use-case from lib/incidents/templates.ts.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/incidents/templates";
import { deleteTemplateSchema, templateSchema, updateTemplateSchema } from "@/lib/validation/templates";

export const createTemplateAction = formAction("commander", templateSchema, async (input, actor) => {
  const { id } = await createTemplate(db(), actor, input);
  redirect(`/admin/templates/${id}?saved=1`);
});
export const updateTemplateAction = formAction("commander", updateTemplateSchema, (input, actor) => updateTemplate(db(), actor, input));
export const deleteTemplateAction = formAction("commander", deleteTemplateSchema, async (input, actor) => {
  await deleteTemplate(db(), actor, input);
  redirect("/admin/templates");
});
