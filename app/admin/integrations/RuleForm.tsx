"use client";
// One routing rule: which alerts it takes (matchers), the components and states it proposes, the
// text it writes, and whether it waits for a commander. "Preview text" fills the templates for a
// sample alert without saving. Rows of plain fields, so it works without JavaScript.
import { useActionState } from "react";
import { MATCHER_ROWS, SEVERITY_ROWS } from "@/lib/validation/alert-rule-form";
import { ComponentCheckboxes } from "../_components/ComponentCheckboxes";
import { BUTTON_CLASS, Field, INPUT_CLASS } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import type { RuleFormState } from "./actions";
import { RulePreview } from "./RulePreview";

type Values = Record<string, string | string[]>;
const rows = (count: number) => Array.from({ length: count }, (_, index) => index);

const STATE_OPTIONS = [
  ["red", "Outage"],
  ["yellow", "Degraded"],
  ["blue", "Under maintenance"],
] as const;

interface Props {
  action: (state: RuleFormState, formData: FormData) => Promise<RuleFormState>;
  components: readonly { id: number; name: string; parentId: number | null }[];
  /** The saved rule's values in the form's field names, or the defaults of a new rule. */
  initialValues: Values;
}

/** The first message of the fields whose names start with `prefix` ("matchers", "severityStates"). */
function groupError(errors: Record<string, string>, prefix: string): string | undefined {
  return Object.entries(errors).find(([name]) => name === prefix || name.startsWith(`${prefix}.`))?.[1];
}

export function RuleForm({ action, components, initialValues }: Props) {
  const [state, formAction, pending] = useActionState<RuleFormState, FormData>(action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? initialValues;
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const chosen = new Set([values.componentIds ?? []].flat());
  const matcherError = groupError(errors, "matchers");
  const severityError = groupError(errors, "severityStates") ?? errors.fixedState;
  // One empty row more than the rule uses, and at least the defaults.
  const rowCount = (prefix: string, field: string, minimum: number) =>
    Math.max(minimum, Object.entries(values).filter(([name, value]) => name.startsWith(`${prefix}.`) && name.endsWith(`.${field}`) && value !== "").length + 1);

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      {["ruleId", "integrationId"].map((name) => text(name) !== "" && <input key={name} type="hidden" name={name} value={text(name)} />)}
      <Field name="name" label="Rule name" error={errors.name}>
        {(control) => <input {...control} defaultValue={text("name")} className={INPUT_CLASS} />}
      </Field>
      <fieldset className="space-y-2" aria-describedby={matcherError ? "matchers-error" : undefined}>
        <legend className="font-medium">Alerts it takes (all must match; no matcher takes every alert)</legend>
        <p className="text-sm">Labels as the sender names them; Uptime Kuma's monitor and Grafana's rule are the label alertname.</p>
        {rows(rowCount("matcher", "label", MATCHER_ROWS)).map((row) => (
          <div key={row} className="grid gap-2 sm:grid-cols-3">
            <input aria-label={`Matcher ${row + 1}: label`} name={`matcher.${row}.label`} defaultValue={text(`matcher.${row}.label`)} className={INPUT_CLASS} />
            <select
              aria-label={`Matcher ${row + 1}: test`}
              name={`matcher.${row}.op`}
              defaultValue={text(`matcher.${row}.op`) || "equals"}
              className={INPUT_CLASS}
            >
              <option value="equals">equals</option>
              <option value="regex">matches the regular expression</option>
              <option value="exists">exists (any value)</option>
            </select>
            <input aria-label={`Matcher ${row + 1}: value`} name={`matcher.${row}.value`} defaultValue={text(`matcher.${row}.value`)} className={INPUT_CLASS} />
          </div>
        ))}
        {matcherError && (
          <p id="matchers-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {matcherError}
          </p>
        )}
      </fieldset>
      <ComponentCheckboxes legend="Components it proposes to change" components={components} checked={chosen} error={errors.componentIds} />
      <fieldset className="space-y-2" aria-describedby={severityError ? "severity-error" : undefined}>
        <legend className="font-medium">State it proposes (never Operational)</legend>
        <Field name="fixedState" label="State">
          {(control) => (
            <select {...control} defaultValue={text("fixedState")} className={INPUT_CLASS}>
              <option value="">By the alert's severity label (below; Degraded otherwise)</option>
              {STATE_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  Always {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {rows(rowCount("severity", "value", SEVERITY_ROWS)).map((row) => (
          <div key={row} className="grid gap-2 sm:grid-cols-2">
            <input
              aria-label={`Severity ${row + 1}: value`}
              name={`severity.${row}.value`}
              defaultValue={text(`severity.${row}.value`)}
              className={INPUT_CLASS}
            />
            <select
              aria-label={`Severity ${row + 1}: state`}
              name={`severity.${row}.state`}
              defaultValue={text(`severity.${row}.state`) || "yellow"}
              className={INPUT_CLASS}
            >
              {STATE_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {severityError && (
          <p id="severity-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {severityError}
          </p>
        )}
      </fieldset>
      <Field
        name="titleTemplate"
        label="Title template"
        hint="{{alertname}}, {{components}}, {{labels.NAME}}, {{annotations.NAME}}"
        error={errors.titleTemplate}
      >
        {(control) => <input {...control} defaultValue={text("titleTemplate")} className={INPUT_CLASS} />}
      </Field>
      <Field name="bodyTemplate" label="Post template (Markdown)" error={errors.bodyTemplate}>
        {(control) => <textarea {...control} rows={4} defaultValue={text("bodyTemplate")} className={INPUT_CLASS} />}
      </Field>
      <Field name="mode" label="When it fires" error={errors.mode}>
        {(control) => (
          <select {...control} defaultValue={text("mode") || "draft"} className={INPUT_CLASS}>
            <option value="draft">Draft for a commander to confirm (nothing public until then)</option>
            <option value="publish">Publish the Investigating post at once</option>
          </select>
        )}
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="resolveAutomatically" defaultChecked={text("resolveAutomatically") === "on"} />
        Resolve automatically (publish Resolved and Operational when every alert has resolved; otherwise a commander confirms it)
      </label>
      {state.ruleText && <RulePreview text={state.ruleText} />}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-zinc-700 px-4 py-2">
          Preview text
        </button>
        <button type="submit" name="intent" value="save" disabled={pending} className={BUTTON_CLASS}>
          Save rule
        </button>
      </div>
    </form>
  );
}
