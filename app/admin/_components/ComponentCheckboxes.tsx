// The "which components" checkboxes (field `componentIds`), systems in bold, with the field's error;
// shared by the publish form and an alert rule's form. Rendered inside their client forms.

interface Props {
  legend: string;
  components: readonly { id: number; name: string; parentId: number | null }[];
  /** The ticked components' ids, as the form sent them. */
  checked: ReadonlySet<string>;
  error?: string;
}

export function ComponentCheckboxes({ legend, components, checked, error }: Props) {
  return (
    <fieldset aria-describedby={error ? "componentIds-error" : undefined} className="space-y-1">
      <legend className="font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4">
        {components.map((component) => (
          <label key={component.id} className="flex items-center gap-1">
            <input type="checkbox" name="componentIds" value={component.id} defaultChecked={checked.has(String(component.id))} />
            {component.parentId === null ? <strong>{component.name}</strong> : component.name}
          </label>
        ))}
      </div>
      {error && (
        <p id="componentIds-error" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
