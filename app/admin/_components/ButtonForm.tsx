// One button that posts a button action with its hidden fields (revoke, delete, move), as a form so
// it works without JavaScript. The label names the target for screen readers ("Revoke ci-token").
import type { ReactNode } from "react";

type Value = string | number;

interface Props {
  action: (formData: FormData) => Promise<void>;
  /** Hidden fields; an array sends the name once per value. */
  fields: Record<string, Value | readonly Value[]>;
  label: string;
  ariaLabel: string;
  /** Said before the button, e.g. why the target is refused. */
  children?: ReactNode;
}

export function ButtonForm({ action, fields, label, ariaLabel, children }: Props) {
  return (
    <form action={action}>
      {children}
      {Object.entries(fields).flatMap(([name, value]) => [value].flat().map((one) => <input key={`${name}=${one}`} type="hidden" name={name} value={one} />))}
      <button type="submit" className="underline" aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
