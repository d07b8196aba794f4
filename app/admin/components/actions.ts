"use server";
// Component management (admins only): each form calls one use-case from lib/components/manage.ts.
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { createComponent, moveComponent, updateComponent } from "@/lib/components/manage";
import { createComponentSchema, moveComponentSchema, updateComponentSchema } from "@/lib/validation/components";

export const createComponentAction = formAction("admin", createComponentSchema, async (input, actor) => {
  const { slug } = await createComponent(db(), actor, input);
  return { status: "ok", message: `Added ${input.name} (/components/${slug}).` };
});
export const updateComponentAction = formAction("admin", updateComponentSchema, (input, actor) => updateComponent(db(), actor, input));
export const moveComponentAction = formAction("admin", moveComponentSchema, (input, actor) => moveComponent(db(), actor, input));
