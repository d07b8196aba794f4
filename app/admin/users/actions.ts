"use server";
// User management (admins only): the same use-cases as `npm run admin`, from lib/auth/users.ts.
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { createUser, resetPassword, setDisabled, setRole } from "@/lib/auth/users";
import { createUserSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/validation/auth";

export const createUserAction = formAction("admin", createUserSchema, async (input, actor) => {
  const user = await createUser(db(), actor, input);
  return { status: "ok", message: `Created ${user.email} (${user.role}).` };
});
export const setRoleAction = formAction("admin", setRoleSchema, async (input, actor) => {
  await setRole(db(), actor, input.email, input.role);
});
export const resetPasswordAction = formAction("admin", resetPasswordSchema, async (input, actor) => {
  await resetPassword(db(), actor, input.email, input.password);
  return { status: "ok", message: `Password reset; ${input.email} was signed out everywhere.` };
});
export const setDisabledAction = formAction("admin", setDisabledSchema, async (input, actor) => {
  await setDisabled(db(), actor, input.email, input.disabled, new Date());
});
