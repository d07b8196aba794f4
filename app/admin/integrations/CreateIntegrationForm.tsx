"use client";
// Name and kind of a new integration; its token and the configuration to paste are shown once.
import { useActionState } from "react";
import { INTEGRATION_KINDS } from "@/lib/validation/integrations";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import { ShownOnce } from "../_components/ShownOnce";
import type { IntegrationFormState } from "./actions";
import { KIND_LABEL } from "./kind-label";

export function CreateIntegrationForm({ action }: { action: (state: IntegrationFormState, formData: FormData) => Promise<IntegrationFormState> }) {
  const [state, submit, pending] = useActionState(action, { status: "idle" });
  const typed = (name: string) => String(state.status === "error" ? (state.values?.[name] ?? "") : "");
  return (
    <form action={submit} className="space-y-4 rounded border border-zinc-300 p-4 dark:border-zinc-700">
      <h2 className="text-xl font-semibold">New integration</h2>
      <FormMessage state={state} />
      {state.token && (
        <ShownOnce label="The token (shown once):" secret={state.token} marker="new-integration-token">
          <p className="font-medium">Paste this into the sender:</p>
          <pre data-integration-setup="" className="overflow-x-auto whitespace-pre rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
            {state.setup}
          </pre>
        </ShownOnce>
      )}
      <Field
        name="name"
        label="Name"
        hint="The sender, e.g. alertmanager-prod; what it publishes is signed integration:<name>."
        error={state.fieldErrors?.name}
      >
        {(control) => <input {...control} defaultValue={typed("name")} className={INPUT_CLASS} />}
      </Field>
      <Field name="kind" label="Sends" error={state.fieldErrors?.kind}>
        {(control) => (
          <select {...control} defaultValue={typed("kind") || "alertmanager"} className={INPUT_CLASS}>
            {INTEGRATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        Create integration
      </button>
    </form>
  );
}
