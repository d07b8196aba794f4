"use client";
// Name and kind of a new integration; its token and the configuration to paste are shown once.
import { useActionState } from "react";
import type { SecretFormState } from "@/lib/admin/form-state";
import { BUTTON_CLASS, SelectField, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";
import { KIND_LABEL } from "./kind-label";

export function CreateIntegrationForm({ action }: { action: (state: SecretFormState, formData: FormData) => Promise<SecretFormState> }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  const typed = (name: string) => String(state.status === "error" ? (state.values?.[name] ?? "") : "");
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">New integration</h2>
      <FormMessage state={state} />
      {state.secret && (
        <ShownOnce label="The token (shown once):" secret={state.secret} marker="new-integration-token">
          <p className="font-medium">Paste this into the sender:</p>
          <pre data-integration-setup="" className="overflow-x-auto whitespace-pre rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
            {state.setup}
          </pre>
        </ShownOnce>
      )}
      <TextField
        name="name"
        label="Name"
        hint="The sender, e.g. alertmanager-prod; what it publishes is signed integration:<name>."
        error={state.fieldErrors?.name}
        defaultValue={typed("name")}
      />
      <SelectField name="kind" label="Sends" error={state.fieldErrors?.kind} defaultValue={typed("kind") || "alertmanager"} options={KIND_LABEL} />
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        Create integration
      </button>
    </form>
  );
}
