"use client";
// Opening an incident or posting to one: write, preview exactly as published, then confirm the
// diff. The Publish button only exists once a preview was shown; warnings need an extra tick.
import { useActionState } from "react";
import type { PreviewFormState } from "@/lib/admin/form-state";
import type { ComponentState } from "@/lib/timeline/types";
import { ComponentCheckboxes } from "./ComponentCheckboxes";
import { ComponentStateFields } from "./ComponentStateFields";
import { ConfirmStep } from "./ConfirmStep";
import { BUTTON_CLASS, Field, INPUT_CLASS, SelectField, TextField } from "./Field";
import { FormMessage } from "./FormMessage";

export interface FormComponent {
  id: number;
  name: string;
  parentId: number | null;
  state: ComponentState;
}

interface Props {
  action: (state: PreviewFormState, formData: FormData) => Promise<PreviewFormState>;
  components: FormComponent[];
  idempotencyKey: string;
  /** Posting to an existing incident; absent when opening one. */
  incidentNumber?: number;
  initialType: "investigating" | "update";
  initialBody?: string;
  /** A template's values (title, type, body, componentIds, state.<id>) until the first submit. */
  initialValues?: Record<string, string | string[]>;
}

const TYPES = [
  ["investigating", "Investigating"],
  ["issue", "Issue"],
  ["update", "Update"],
  ["resolved", "Resolved"],
] as const;

export function PublishForm({ action, components, idempotencyKey, incidentNumber, initialType, initialBody = "", initialValues }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? initialValues;
  const value = (name: string, fallback = "") => {
    const v = values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  const affected = new Set([values?.componentIds ?? []].flat());
  const opening = incidentNumber === undefined;

  return (
    // Remounted with each answer, so selects and checkboxes show the submitted values again.
    <form key={JSON.stringify(state.values ?? null)} action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {!opening && <input type="hidden" name="incidentNumber" value={incidentNumber} />}
      {opening && (
        <TextField
          name="title"
          label="Title"
          error={errors.title}
          hint="What customers read first, e.g. “Elevated errors on Git push”."
          defaultValue={value("title")}
        />
      )}
      {opening && <ComponentCheckboxes legend="Affected components" components={components} checked={affected} error={errors.componentIds} />}
      <SelectField name="type" label="Post type" error={errors.type} defaultValue={value("type", initialType)} options={TYPES} />
      <Field name="body" label="Message (Markdown)" error={errors.body}>
        {(control) => <textarea {...control} rows={6} defaultValue={value("body", initialBody)} className={INPUT_CLASS} />}
      </Field>
      <ComponentStateFields components={components} value={(name) => value(name)} error={errors.stateChanges} />
      <TextField
        name="postedAt"
        label="Backdate (optional, UTC)"
        error={errors.postedAt}
        hint="Leave empty to post now. A backdated post is marked as such."
        type="datetime-local"
        defaultValue={value("postedAt")}
      />
      <button type="submit" name="intent" value="preview" disabled={pending} className={BUTTON_CLASS}>
        {state.preview ? "Update preview" : "Preview"}
      </button>
      <ConfirmStep state={state} pending={pending} label={opening ? "Publish incident" : "Publish post"} />
    </form>
  );
}
