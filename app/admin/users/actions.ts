"use server";
// User management (admins only): the same use-cases as `npm run admin`, defined in lib/admin/user-forms.ts.
import { db } from "@/lib/db/client";
import { serverAction } from "@/lib/admin/form-action";
import { userForms } from "@/lib/admin/user-forms";

const forms = userForms(db);

export const createUserAction = serverAction(forms.create);
export const setRoleAction = serverAction(forms.setRole);
export const resetPasswordAction = serverAction(forms.resetPassword);
export const setDisabledAction = serverAction(forms.setDisabled);
