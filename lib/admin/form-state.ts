// What every admin server action returns to its form: field errors in plain words next to the
// fields, one message for the whole form, and the submitted values so nothing typed is lost.
import type { ReactNode } from "react";
import type * as z from "zod";

export interface FormState {
  status: "idle" | "error" | "ok";
  /** 401/403 when the action was refused, 503 when the database cannot be reached; the form says so instead of acting. */
  code?: 401 | 403 | 503;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

/** A form with a confirm step: the preview answer carries what customers will see and the diff's hash to confirm. */
export interface PreviewFormState extends FormState {
  preview?: ReactNode;
  impactHash?: string;
  hasWarnings?: boolean;
}

/** A create form's answer with a new secret (API token, integration token, webhook signing secret): it is never stored in the clear, so it is shown in this one answer only. */
export interface SecretFormState extends FormState {
  secret?: string;
  /** What goes with it, e.g. the configuration to paste into the sender. */
  setup?: string;
}

export const IDLE: FormState = { status: "idle" };

/** FormData as a plain object; a name given more than once becomes an array. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  // No prototype: a field named __proto__ or constructor is just a field, never Object.prototype's.
  const values: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const previous = values[name];
    values[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  // A plain object again: the values go back to client components, which take no null-prototype objects.
  return { ...values };
}

/** The first message per field, keyed by its dotted path ("states.3"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function invalid(error: z.ZodError, values: FormState["values"]): FormState {
  return { status: "error", message: "Please correct the fields marked below.", fieldErrors: fieldErrorsOf(error), values };
}
