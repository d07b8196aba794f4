"use client";
// Confirming an alert draft: the commander may edit the title, the text and the states first, then
// goes through the usual preview / diff / confirm step (ConfirmStep).
import { useActionState } from "react";
import type { PreviewFormState } from "@/lib/admin/form-state";
import { STATE_LABEL } from "@/lib/text/labels";
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
      <fieldset className="space-y-2" aria-describedby={errors.stateChanges ? "states-error" : undefined}>
        <legend className="font-medium">Component states after this post</legend>
        {errors.stateChanges && (
          <p id="states-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {errors.stateChanges}
          </p>
        )}
        <div className="grid gap-2 sm:grid-cols-2">
          {components.map((component) => (
            <Field key={component.id} name={`state.${component.id}`} label={`${component.name} (now ${STATE_LABEL[component.state]})`}>
              {(control) => (
                <select {...control} defaultValue={value(`state.${component.id}`)} className={INPUT_CLASS}>
                  <option value="">No change</option>
                  <option value="green">Operational</option>
                  <option value="yellow">Degraded</option>
                  <option value="red">Outage</option>
                </select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <button type="submit" name="intent" value="preview" disabled={pending} className={BUTTON_CLASS}>
        {state.preview ? "Update preview" : "Preview"}
      </button>
      <ConfirmStep state={state} pending={pending} label={opensIncident ? "Publish incident" : "Publish post"} />
    </form>
  );
}
