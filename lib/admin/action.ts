// The one wrapper every admin server action goes through: authorize (requireRole), validate with
// the shared zod schema, then run one use-case. A refused or invalid action changes nothing, and an
// unreachable database is said plainly with everything the commander typed kept in the form.
import type * as z from "zod";
import { AccessDenied, type Actor, type Role } from "@/lib/auth/roles";
import { formValues, invalid, type FormState } from "@/lib/admin/form-state";
import { withDatabaseUnavailable } from "@/lib/admin/unavailable";
import { InputError } from "@/lib/errors/input-error";

export interface AdminActionDefinition<S extends z.ZodType> {
  role: Role;
  schema: S;
  run(input: z.infer<S>, actor: Actor, values: Record<string, string | string[]>): Promise<FormState>;
}

/** Resolves the actor or throws AccessDenied: requireRole(role, "action") in the app. */
export type RoleCheck = (minRole: Role) => Promise<Actor>;

export async function runAdminAction<S extends z.ZodType>(
  definition: AdminActionDefinition<S>,
  requireRole: RoleCheck,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  // Reading the session or writing the change: either way nothing was written (one transaction).
  return withDatabaseUnavailable(values, async () => {
    let actor: Actor;
    try {
      actor = await requireRole(definition.role);
    } catch (error) {
      if (!(error instanceof AccessDenied)) throw error;
      const message = error.status === 401 ? "You are signed out. Sign in again (in a new tab), then submit once more." : error.message;
      return { status: "error", code: error.status, message, values };
    }
    const parsed = definition.schema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    return await definition.run(parsed.data, actor, values);
  });
}

/** An InputError from a use-case (unknown incident, a time in the past, the last admin, …) becomes a message next to its field. */
export async function withFieldErrors<T extends FormState>(values: FormState["values"], work: () => Promise<T>): Promise<T | FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError) return { status: "error", message: error.message, fieldErrors: { [error.field]: error.message }, values };
    throw error;
  }
}

/** A plain form's definition: the use-case's answer, or "Saved." when it returns nothing (it may also redirect). */
export function adminForm<S extends z.ZodType>(
  role: Role,
  schema: S,
  run: (input: z.infer<S>, actor: Actor) => Promise<FormState | void>,
): AdminActionDefinition<S> {
  return { role, schema, run: (input, actor, values) => withFieldErrors(values, async () => (await run(input, actor)) ?? { status: "ok", message: "Saved." }) };
}
