// A rule as the rule form's field values (lib/validation/alert-rule-form.ts reads them back).
import type { RuleSummary } from "@/lib/alerts/integrations";
import { DEFAULT_BODY_TEMPLATE, DEFAULT_SEVERITY_STATES, DEFAULT_TITLE_TEMPLATE } from "@/lib/validation/integrations";

type Rule = Pick<
  RuleSummary,
  "name" | "matchers" | "componentIds" | "severityStates" | "fixedState" | "titleTemplate" | "bodyTemplate" | "mode" | "resolveAutomatically"
>;

const NEW_RULE: Rule = {
  name: "",
  matchers: [{ label: "severity", op: "exists" }],
  componentIds: [],
  severityStates: DEFAULT_SEVERITY_STATES,
  fixedState: null,
  titleTemplate: DEFAULT_TITLE_TEMPLATE,
  bodyTemplate: DEFAULT_BODY_TEMPLATE,
  mode: "draft",
  resolveAutomatically: false,
};

export function ruleFormValues(integrationId: number, rule: (Rule & { id?: number }) | null): Record<string, string | string[]> {
  const source = rule ?? NEW_RULE;
  const values: Record<string, string | string[]> = {
    integrationId: String(integrationId),
    name: source.name,
    componentIds: source.componentIds.map(String),
    fixedState: source.fixedState ?? "",
    titleTemplate: source.titleTemplate,
    bodyTemplate: source.bodyTemplate,
    mode: source.mode,
  };
  if (rule?.id !== undefined) values.ruleId = String(rule.id);
  if (source.resolveAutomatically) values.resolveAutomatically = "on";
  for (const [row, matcher] of source.matchers.entries()) {
    values[`matcher.${row}.label`] = matcher.label;
    values[`matcher.${row}.op`] = matcher.op;
    values[`matcher.${row}.value`] = matcher.op === "exists" ? "" : matcher.value;
  }
  for (const [row, [severity, state]] of Object.entries(source.severityStates).entries()) {
    values[`severity.${row}.value`] = severity;
    values[`severity.${row}.state`] = state;
  }
  return values;
}
