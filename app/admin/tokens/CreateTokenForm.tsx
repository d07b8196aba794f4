"use client";
// Name and role of a new API token; the secret is shown once, after creation.
import { useActionState } from "react";
import type { SecretFormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS, SelectField, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";

const RIGHTS = [
  ["commander", "Commander: publish and edit incidents and maintenance"],
  ["admin", "Admin"],
] as const;

export function CreateTokenForm({ action }: { action: (state: SecretFormState, formData: FormData) => Promise<SecretFormState> }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">New token</h2>
      <FormMessage state={state} />
      {state.secret && <ShownOnce label="The token (shown once):" secret={state.secret} marker="new-token" />}
      <TextField
        name="name"
        label="Name"
        hint="What uses it, e.g. pagerduty; the audit log shows token:<name>."
        error={state.fieldErrors?.name}
        defaultValue={String(state.status === "error" ? (state.values?.name ?? "") : "")}
      />
      <SelectField name="role" label="Rights" error={state.fieldErrors?.role} defaultValue="commander" options={RIGHTS} />
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        Create token
      </button>
    </form>
  );
}
