// Server actions of the plain admin forms, in one line each: runAdminAction (requireRole + the shared
// zod schema) around one use-case, whose InputErrors come back as field messages.
import type * as z from "zod";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/request";
import type { Actor, Role } from "@/lib/auth/roles";
import { runAdminAction, withFieldErrors } from "./action";
import type { FormState } from "./form-state";

type Run<S extends z.ZodType> = (input: z.infer<S>, actor: Actor) => Promise<FormState | void>;

/** `run` returns the form's answer, or nothing for "Saved.", or redirects. After a change the admin pages re-render with it. */
export function formAction<S extends z.ZodType>(role: Role, schema: S, run: Run<S>) {
  const answer = async (input: z.infer<S>, actor: Actor): Promise<FormState> => {
    const state = (await run(input, actor)) ?? { status: "ok", message: "Saved." };
    revalidatePath("/admin", "layout");
    return state;
  };
  // Async, so a "use server" file can export the result directly as a server action.
  return async (_previous: FormState, formData: FormData): Promise<FormState> =>
    runAdminAction({ role, schema, run: (input, actor, values) => withFieldErrors(values, () => answer(input, actor)) }, (minRole) => requireRole(minRole, "action"), formData);
}
