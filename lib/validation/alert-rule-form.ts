// The admin rule form's fields → the rule schema's input (lib/validation/integrations.ts). The form
// works without JavaScript, so it has rows: `matcher.<n>.label|op|value` (a row without a label is
// unused) and `severity.<n>.value|state` (a row without a value is unused), at least the counts
// below and one empty row more than the rule uses; `fixedState` "" means "by severity"; the
// submit's `intent` previews the text or saves.
import * as z from "zod";
import { createRuleSchema } from "@/lib/validation/integrations";

export const MATCHER_ROWS = 5;
export const SEVERITY_ROWS = 4;

type FormValues = Record<string, string | string[]>;

/** The row numbers the form sent for `<prefix>.<n>.<field>`, in order. */
function rowsOf(values: FormValues, prefix: string, field: string): number[] {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.${field}$`);
  const rows = Object.keys(values).flatMap((name) => pattern.exec(name)?.slice(1, 2) ?? []);
  return rows.map(Number).sort((a, b) => a - b);
}

function ruleFromForm(raw: unknown): unknown {
  const values = raw as FormValues;
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const matchers = rowsOf(values, "matcher", "label")
    .filter((row) => text(`matcher.${row}.label`) !== "")
    .map((row) => ({ label: text(`matcher.${row}.label`), op: text(`matcher.${row}.op`), value: text(`matcher.${row}.value`) }));
  const severityStates = Object.fromEntries(
    rowsOf(values, "severity", "value")
      .filter((row) => text(`severity.${row}.value`) !== "")
      .map((row) => [text(`severity.${row}.value`).toLowerCase(), text(`severity.${row}.state`)]),
  );
  const componentIds = values.componentIds === undefined ? [] : [values.componentIds].flat();
  return {
    ...values,
    ruleId: text("ruleId") || undefined,
    matchers,
    componentIds,
    severityStates,
    fixedState: text("fixedState") || null,
    resolveAutomatically: values.resolveAutomatically === "on",
  };
}

export const ruleFormSchema = z.preprocess(
  ruleFromForm,
  createRuleSchema.extend({
    ruleId: z.coerce.number().int().positive().optional(),
    intent: z.enum(["preview", "save"]).default("save"),
  }),
);
export type RuleForm = z.infer<typeof ruleFormSchema>;

/** A rule's button forms: delete one, or move one up or down among its integration's rules. */
export const ruleIdSchema = z.object({ ruleId: z.coerce.number().int().positive() });
export const integrationIdSchema = z.object({ integrationId: z.coerce.number().int().positive() });
