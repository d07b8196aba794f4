"use server";
import { updateAccess } from "@/lib/access/admin";
import { formAction } from "@/lib/admin/form-action";
import { db } from "@/lib/db/client";
import { accessFormSchema } from "@/lib/validation/access";

export const updateAccessAction = formAction("admin", accessFormSchema, (input, actor) => updateAccess(db(), actor, input));
