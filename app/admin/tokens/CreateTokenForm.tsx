"use client";
// Name and role of a new API token; the secret is shown once, after creation.
import { useActionState } from "react";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";
import type { TokenFormState } from "./actions";

export function CreateTokenForm({ action }: { action: (state: TokenFormState, formData: FormData) => Promise<TokenFormState> }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">New token</h2>
      <FormMessage state={state} />
      {state.token && <ShownOnce label="The token (shown once):" secret={state.token} marker="new-token" />}
      <Field name="name" label="Name" hint="What uses it, e.g. pagerduty; the audit log shows token:<name>." error={state.fieldErrors?.name}>
        {(control) => <input {...control} defaultValue={String(state.status === "error" ? (state.values?.name ?? "") : "")} className={INPUT_CLASS} />}
      </Field>
      <Field name="role" label="Rights" error={state.fieldErrors?.role}>
        {(control) => (
          <select {...control} defaultValue="commander" className={INPUT_CLASS}>
            <option value="commander">Commander: publish and edit incidents and maintenance</option>
            <option value="admin">Admin</option>
          </select>
        )}
      </Field>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        Create token
      </button>
    </form>
  );
}
