// The "state after this post" select per component, shared by the publish form and an alert draft's
// confirm form. Rendered inside their client forms; no state of its own.
import { STATE_LABEL } from "@/lib/text/labels";
import { Field, INPUT_CLASS } from "./Field";
import type { FormComponent } from "./PublishForm";

interface Props {
  components: readonly FormComponent[];
  /** The form's current `state.<id>` value ("" for no change). */
  value: (name: string) => string;
  error?: string;
}

export function ComponentStateFields({ components, value, error }: Props) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "states-error" : undefined}>
      <legend className="font-medium">Component states after this post</legend>
      {error && (
        <p id="states-error" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
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
  );
}
