// The admin UI's user forms (admins only): the same use-cases as `npm run admin`, from
// lib/auth/users.ts. Definitions over a database, so tests run them as the server actions do.
import type { Db } from "@/lib/db/client";
import { createUser, resetPassword, setDisabled, setRole } from "@/lib/auth/users";
import { createUserSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "@/lib/validation/auth";
import { adminForm } from "./action";

export function userForms(db: () => Db, now: () => Date = () => new Date()) {
  return {
    create: adminForm("admin", createUserSchema, async (input, actor) => {
      const user = await createUser(db(), actor, input);
      return { status: "ok", message: `Created ${user.email} (${user.role}).` };
    }),
    setRole: adminForm("admin", setRoleSchema, async (input, actor) => {
      await setRole(db(), actor, input.email, input.role);
    }),
    resetPassword: adminForm("admin", resetPasswordSchema, async (input, actor) => {
      await resetPassword(db(), actor, input.email, input.password);
      return { status: "ok", message: `Password reset; ${input.email} was signed out everywhere.` };
    }),
    setDisabled: adminForm("admin", setDisabledSchema, async (input, actor) => {
      const user = await setDisabled(db(), actor, input.email, input.disabled, now());
      const message = user.disabled
        ? `${user.email} is disabled: signed out everywhere, and the API tokens they created are refused.`
        : `${user.email} is enabled again; the API tokens they created work again.`;
      return { status: "ok", message };
    }),
  };
}
