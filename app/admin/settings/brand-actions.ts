"use server";
import * as z from "zod";
import { formAction } from "@/lib/admin/form-action";
import type { FormState } from "@/lib/admin/form-state";
import { setBrandImage, updateBrand } from "@/lib/branding/settings";
import { db } from "@/lib/db/client";
import { brandFormSchema, brandImageFormSchema } from "@/lib/validation/branding";

export const updateBrandAction = formAction("admin", brandFormSchema, (input, actor) => updateBrand(db(), actor, input));

const imageForm = brandImageFormSchema.extend({ intent: z.enum(["upload", "remove"]).default("upload") });

/** The file is read here (form values carry only text); the role, the schema and the audit go through formAction as for every form. */
export async function brandImageAction(previous: FormState, formData: FormData): Promise<FormState> {
  const file = formData.get("file");
  const bytes = file instanceof Blob ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
  const run = formAction("admin", imageForm, async ({ kind, intent }, actor) => {
    await setBrandImage(db(), actor, kind, intent === "remove" ? null : bytes);
    return { status: "ok", message: intent === "remove" ? `The ${kind} is removed.` : `The ${kind} is saved.` };
  });
  return run(previous, formData);
}
