"use client";
// Confirming an alert draft: the commander may edit the title, the text and the states first, then
// goes through the usual preview / diff / confirm step (ConfirmStep).
import { useActionState } from "react";
import type { PreviewFormState } from "@/lib/admin/form-state";
import { ComponentStateFields } from "./ComponentStateFields";
import { ConfirmStep } from "./ConfirmStep";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "./Field";
import { FormMessage } from "./FormMessage";
import type { FormComponent } from "./PublishForm";

interface Props {
  action: (state: PreviewFormState, formData: FormData) => Promise<PreviewFormState>;
  draftId: number;
  /** Opening an incident (the title is asked) or posting to one. */
  opensIncident: boolean;
  components: readonly FormComponent[];
  /** The draft's title, body and `state.<id>` proposals. */
  initialValues: Record<string, string>;
}

export function DraftForm({ action, draftId, opensIncident, components, initialValues }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? initialValues;
  const value = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  return (
    <form key={JSON.stringify(state.values ?? null)} action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      {opensIncident && (
        <Field name="title" label="Title" error={errors.title}>
          {(control) => <input {...control} defaultValue={value("title")} className={INPUT_CLASS} />}
        </Field>
      )}
      <Field name="body" label="Message (Markdown)" error={errors.body}>
        {(control) => <textarea {...control} rows={6} defaultValue={value("body")} className={INPUT_CLASS} />}
      </Field>
      <ComponentStateFields components={components} value={(name) => value(name)} error={errors.stateChanges} />
      <button type="submit" name="intent" value="preview" disabled={pending} className={BUTTON_CLASS}>
        {state.preview ? "Update preview" : "Preview"}
      </button>
      <ConfirmStep state={state} pending={pending} label={opensIncident ? "Publish incident" : "Publish post"} />
    </form>
  );
}
