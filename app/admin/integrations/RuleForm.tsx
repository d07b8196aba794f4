"use client";
// One routing rule: which alerts it takes (matchers), the components and states it proposes, the
// text it writes, and whether it waits for a commander. "Preview text" fills the templates for a
// sample alert without saving. Rows of plain fields, so it works without JavaScript.
import { type ReactNode, useActionState } from "react";
import { MATCHER_ROWS, SEVERITY_ROWS } from "@/lib/validation/alert-rule-form";
import { ComponentCheckboxes } from "../_components/ComponentCheckboxes";
import { BUTTON_CLASS, Field, INPUT_CLASS, Options, SelectField, TextField } from "../_components/Field";
import { FormMessage } from "../_components/FormMessage";
import type { RuleFormState } from "./actions";
import { RulePreview } from "./RulePreview";

type Values = Record<string, string | string[]>;
const rows = (count: number) => Array.from({ length: count }, (_, index) => index);

// The selects' choices: labels by value.
const STATE_LABEL = { red: "Outage", yellow: "Degraded", blue: "Under maintenance" };
const FIXED_STATE_OPTIONS = {
  "": "By the alert's severity label (below; Degraded otherwise)",
  ...Object.fromEntries(Object.entries(STATE_LABEL).map(([value, label]) => [value, `Always ${label}`])),
};
const MATCHER_TESTS = { equals: "equals", regex: "matches the regular expression", exists: "exists (any value)" };
const MODES = { draft: "Draft for a commander to confirm (nothing public until then)", publish: "Publish the Investigating post at once" };

interface Props {
  action: (state: RuleFormState, formData: FormData) => Promise<RuleFormState>;
  components: readonly { id: number; name: string; parentId: number | null }[];
  /** The saved rule's values in the form's field names, or the defaults of a new rule. */
  initialValues: Values;
}

type RowControl = (field: string, label?: string, fallback?: string) => { name: string; "aria-label": string; defaultValue: string; className: string };

/** A group of rows with one message for all of them, linked for screen readers. */
function RowGroup({ id, legend, error, children }: { id: string; legend: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
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

  // The rows in use and one empty more, each a grid of controls named like "matcher.0.op", labelled
  // for screen readers like "Matcher 1: test" and showing what was entered.
  const controlRows = (caption: string, prefix: string, countedField: string, minimum: number, columns: string, controls: (control: RowControl) => ReactNode) =>
    rows(rowCount(prefix, countedField, minimum)).map((row) => (
      <div key={row} className={`grid gap-2 ${columns}`}>
        {controls((field, label = field, fallback = "") => ({
          name: `${prefix}.${row}.${field}`,
          "aria-label": `${caption} ${row + 1}: ${label}`,
          defaultValue: text(`${prefix}.${row}.${field}`) || fallback,
          className: INPUT_CLASS,
        }))}
      </div>
    ));

  return (
    <form key={JSON.stringify(state)} action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      {["ruleId", "integrationId"].map((name) => text(name) !== "" && <input key={name} type="hidden" name={name} value={text(name)} />)}
      <TextField name="name" label="Rule name" error={errors.name} defaultValue={text("name")} />
      <RowGroup id="matchers" legend="Alerts it takes (all must match; no matcher takes every alert)" error={matcherError}>
        <p className="text-sm">Labels as the sender names them; Uptime Kuma's monitor and Grafana's rule are the label alertname.</p>
        {controlRows("Matcher", "matcher", "label", MATCHER_ROWS, "sm:grid-cols-3", (control) => (
          <>
            <input {...control("label")} />
            <select {...control("op", "test", "equals")}>
              <Options options={MATCHER_TESTS} />
            </select>
            <input {...control("value")} />
          </>
        ))}
      </RowGroup>
      <ComponentCheckboxes legend="Components it proposes to change" components={components} checked={chosen} error={errors.componentIds} />
      <RowGroup id="severity" legend="State it proposes (never Operational)" error={severityError}>
        <SelectField name="fixedState" label="State" defaultValue={text("fixedState")} options={FIXED_STATE_OPTIONS} />
        {controlRows("Severity", "severity", "value", SEVERITY_ROWS, "sm:grid-cols-2", (control) => (
          <>
            <input {...control("value")} />
            <select {...control("state", "state", "yellow")}>
              <Options options={STATE_LABEL} />
            </select>
          </>
        ))}
      </RowGroup>
      <TextField
        name="titleTemplate"
        label="Title template"
        hint="{{alertname}}, {{components}}, {{labels.NAME}}, {{annotations.NAME}}"
        error={errors.titleTemplate}
        defaultValue={text("titleTemplate")}
      />
      <Field name="bodyTemplate" label="Post template (Markdown)" error={errors.bodyTemplate}>
        {(control) => <textarea {...control} rows={4} defaultValue={text("bodyTemplate")} className={INPUT_CLASS} />}
      </Field>
      <SelectField name="mode" label="When it fires" error={errors.mode} defaultValue={text("mode") || "draft"} options={MODES} />
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
