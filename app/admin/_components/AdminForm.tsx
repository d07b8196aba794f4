"use client";
// A plain admin form described by its fields: labels, errors next to the fields, the submitted values
// kept after an error or a preview, and the form's message. Used by the maintenance, component,
// user, template and settings forms. With `confirmLabel` it publishes in two steps, like the post
// form: Preview (what customers will see, the diff), then confirm.
import { useActionState } from "react";
import { IDLE, type PreviewFormState } from "@/lib/admin/form-state";
import { ConfirmStep } from "./ConfirmStep";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "./Field";
import { FormMessage } from "./FormMessage";

type Option = readonly [value: string, label: string];
export type FieldSpec =
  | { kind: "hidden"; name: string; value: string }
  | { kind: "text" | "email" | "password" | "number" | "datetime-local" | "textarea"; name: string; label: string; value?: string; hint?: string }
  | { kind: "select"; name: string; label: string; value?: string; hint?: string; options: readonly Option[] }
  | { kind: "checkbox"; name: string; label: string; checked?: boolean }
  | { kind: "checkboxes"; name: string; label: string; options: readonly Option[]; checked?: readonly string[] };

interface Props {
  action: (state: PreviewFormState, formData: FormData) => Promise<PreviewFormState>;
  fields: readonly FieldSpec[];
  submitLabel: string;
  /** The publish button's label after a preview; the first submit then previews instead of acting. */
  confirmLabel?: string;
  /** Keeps element ids unique when a page has several forms with the same field names. */
  idPrefix?: string;
  danger?: boolean;
  className?: string;
}

export function AdminForm({ action, fields, submitLabel, confirmLabel, idPrefix = "", danger = false, className = "space-y-4" }: Props) {
  const [state, formAction, pending] = useActionState<PreviewFormState, FormData>(action, IDLE);
  const errors = state.fieldErrors ?? {};
  // After "Saved." the controls show the saved values; after an error or a preview, what was typed.
  const submitted = state.status === "ok" ? undefined : state.values;
  const { preview: _preview, ...plainState } = state;
  const text = (name: string, fallback = "") => {
    const value = submitted?.[name];
    return typeof value === "string" ? value : fallback;
  };
  const checked = (name: string, value: string, fallback: boolean) => (submitted ? [submitted[name] ?? []].flat().includes(value) : fallback);

  return (
    // Remounted with each answer, so controls show the submitted values (or the saved ones) again.
    <form key={JSON.stringify(plainState)} action={formAction} className={className} noValidate>
      <FormMessage state={state} />
      {fields.map((field) => {
        if (field.kind === "hidden") return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        if (field.kind === "checkbox") {
          return (
            <label key={field.name} className="flex items-center gap-2">
              <input type="checkbox" name={field.name} defaultChecked={checked(field.name, "on", field.checked ?? false)} />
              {field.label}
            </label>
          );
        }
        if (field.kind === "checkboxes") {
          const errorId = `${idPrefix}${field.name}-error`;
          return (
            <fieldset key={field.name} aria-describedby={errors[field.name] ? errorId : undefined} className="space-y-1">
              <legend className="font-medium">{field.label}</legend>
              <div className="flex flex-wrap gap-x-4">
                {field.options.map(([value, label]) => (
                  <label key={value} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      name={field.name}
                      value={value}
                      defaultChecked={checked(field.name, value, field.checked?.includes(value) ?? false)}
                    />
                    {label}
                  </label>
                ))}
              </div>
              {errors[field.name] && (
                <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
                  {errors[field.name]}
                </p>
              )}
            </fieldset>
          );
        }
        return (
          <Field key={field.name} name={`${idPrefix}${field.name}`} label={field.label} error={errors[field.name]} hint={field.hint}>
            {(control) => {
              // A password is never sent back to the browser.
              const defaultValue = field.kind === "password" ? undefined : text(field.name, field.value);
              const props = { ...control, name: field.name, defaultValue, className: INPUT_CLASS };
              if (field.kind === "textarea") return <textarea {...props} rows={5} />;
              if (field.kind === "select") {
                return (
                  <select {...props}>
                    {field.options.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                );
              }
              return <input {...props} type={field.kind} />;
            }}
          </Field>
        );
      })}
      {confirmLabel ? (
        <>
          <button type="submit" name="intent" value="preview" disabled={pending} className={BUTTON_CLASS}>
            {state.preview ? "Update preview" : submitLabel}
          </button>
          <ConfirmStep state={state} pending={pending} label={confirmLabel} />
        </>
      ) : (
        <button type="submit" disabled={pending} className={danger ? `${BUTTON_CLASS} bg-red-800` : BUTTON_CLASS}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
