// A labelled form control with its error next to it, announced and linked for screen readers; the
// usual controls (an input, a select of fixed choices) come ready as TextField and SelectField.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export interface FieldProps {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (control: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

export function Field({ name, label, error, hint, children }: FieldProps) {
  const id = `field-${name.replace(/[^a-z0-9_-]/gi, "-")}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {children({ id, name, "aria-invalid": Boolean(error), "aria-describedby": described })}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

type LabelProps = Omit<FieldProps, "children">;
/** A select's choices: `[value, label]` pairs, or a table of labels by value. */
type Choices = readonly (readonly [value: string, label: string])[] | Readonly<Record<string, string>>;

/** A labelled `<input>` (text, email, password, date, …); the other props go to the input. */
export function TextField({ name, label, error, hint, ...input }: LabelProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(control) => <input {...control} {...input} className={INPUT_CLASS} />}
    </Field>
  );
}

/** A labelled `<select>` of `options`; the other props go to the select. */
export function SelectField({
  name,
  label,
  error,
  hint,
  options,
  ...select
}: LabelProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & { options: Choices }) {
  return (
    <Field name={name} label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} {...select} className={INPUT_CLASS}>
          <Options options={options} />
        </select>
      )}
    </Field>
  );
}

/** A select's `<option>`s. */
export function Options({ options }: { options: Choices }) {
  return (Array.isArray(options) ? options : Object.entries(options)).map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ));
}

export const INPUT_CLASS =
  "block w-full rounded border border-zinc-400 bg-white px-3 py-2 text-zinc-900 aria-[invalid=true]:border-red-700 dark:bg-zinc-900 dark:text-zinc-100";
export const BUTTON_CLASS = "rounded bg-zinc-900 px-4 py-2 font-semibold text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900";
