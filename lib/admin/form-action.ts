// Server actions of the plain admin forms, in one line each: runAdminAction (requireRole + the shared
// zod schema) around one use-case, whose InputErrors come back as field messages.
import type * as z from "zod";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/request";
import type { Actor, Role } from "@/lib/auth/roles";
import { adminForm, runAdminAction, type AdminActionDefinition, withFieldErrors } from "./action";
import type { FormState, SecretFormState } from "./form-state";
import { throwIfUnavailable } from "./unavailable";

/** requireRole for actions: throws AccessDenied (401/403) for runAdminAction to answer. */
export const actionRoleCheck = (minRole: Role) => requireRole(minRole, "action");

/** A definition as a server action; after a change the admin pages re-render with it. */
export function serverAction<S extends z.ZodType>(definition: AdminActionDefinition<S>) {
  // Async, so a "use server" file can export the result directly as a server action.
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const state = await runAdminAction(definition, actionRoleCheck, formData);
    if (state.status === "ok") revalidatePath("/admin", "layout");
    return state;
  };
}

/** An admin's create form whose answer shows the new secret once: `create` returns the message, the secret and what goes with it. */
export function createWithSecret<S extends z.ZodType>(schema: S, create: (input: z.infer<S>, actor: Actor) => Promise<Omit<SecretFormState, "status">>) {
  return serverAction({
    role: "admin",
    schema,
    // A use-case's InputError (e.g. a webhook to a private address) is a message next to its field, with the form kept.
    run: (input, actor, values) => withFieldErrors(values, async (): Promise<SecretFormState> => ({ status: "ok", ...(await create(input, actor)) })),
  });
}

/** `run` returns the form's answer, or nothing for "Saved.", or redirects. */
export function formAction<S extends z.ZodType>(role: Role, schema: S, run: (input: z.infer<S>, actor: Actor) => Promise<FormState | void>) {
  return serverAction(adminForm(role, schema, run));
}

/**
 * A button's action (revoke, pause, delete): it has no form to answer in, so an unreachable database
 * throws to the error page rather than passing silently; afterwards the admin pages re-render.
 */
export function buttonAction<S extends z.ZodType>(role: Role, schema: S, run: (input: z.infer<S>, actor: Actor) => Promise<void>) {
  const definition: AdminActionDefinition<S> = {
    role,
    schema,
    run: async (input, actor) => {
      await run(input, actor);
      return { status: "ok" };
    },
  };
  return async (formData: FormData): Promise<void> => {
    throwIfUnavailable(await runAdminAction(definition, actionRoleCheck, formData));
    revalidatePath("/admin", "layout");
  };
}
