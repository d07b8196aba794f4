// PURE: which rule routes an alert, the state it proposes and the text it writes.
//   1. Rules of the alert's own integration come before global ones; within each, by position.
//      The first rule whose matchers ALL match wins; no rule → the alert is kept as "unrouted".
//   2. The proposed state is the rule's fixed state, else its state for the alert's `severity`
//      label, else yellow. Never green: only a commander, or a rule that says so, resolves.
//   3. Templates replace {{alertname}}, {{components}}, {{labels.NAME}} and {{annotations.NAME}};
//      label values are untrusted, so they are cut short and Markdown-escaped before they land in a post.
import type { ProposableState, RuleMatcher } from "@/lib/validation/integrations";
import type { ReceivedAlert } from "./payloads";

export interface RoutingRule {
  id: number;
  integrationId: number | null;
  position: number;
  matchers: RuleMatcher[];
  componentIds: number[];
  severityStates: Record<string, ProposableState>;
  fixedState: ProposableState | null;
  titleTemplate: string;
  bodyTemplate: string;
  mode: "draft" | "publish";
  resolveAutomatically: boolean;
}

export function orderedRules<R extends Pick<RoutingRule, "id" | "integrationId" | "position">>(rules: readonly R[], integrationId: number): R[] {
  const own = (rule: R) => (rule.integrationId === integrationId ? 0 : 1);
  return rules
    .filter((rule) => rule.integrationId === null || rule.integrationId === integrationId)
    .sort((a, b) => own(a) - own(b) || a.position - b.position || a.id - b.id);
}

export function matchingRule<R extends RoutingRule>(rules: readonly R[], integrationId: number, labels: Record<string, string>): R | null {
  return orderedRules(rules, integrationId).find((rule) => rule.matchers.every((matcher) => matches(matcher, labels))) ?? null;
}

function matches(matcher: RuleMatcher, labels: Record<string, string>): boolean {
  const value = Object.hasOwn(labels, matcher.label) ? labels[matcher.label] : undefined;
  if (matcher.op === "exists") return value !== undefined && value !== "";
  if (value === undefined) return false;
  // Anchored like Alertmanager's own regex matchers: the whole value must match.
  return matcher.op === "equals" ? value === matcher.value : new RegExp(`^(?:${matcher.value})$`, "u").test(value);
}

export const SEVERITY_LABEL = "severity";

export function proposedState(rule: Pick<RoutingRule, "fixedState" | "severityStates">, labels: Record<string, string>): ProposableState {
  if (rule.fixedState) return rule.fixedState;
  const severity = Object.hasOwn(labels, SEVERITY_LABEL) ? labels[SEVERITY_LABEL]!.toLowerCase() : "";
  return (Object.hasOwn(rule.severityStates, severity) ? rule.severityStates[severity] : undefined) ?? "yellow";
}

/** The worse of two proposed states (red over yellow over blue), for alerts that share a draft. */
export function worseState(a: ProposableState, b: ProposableState): ProposableState {
  const rank: Record<ProposableState, number> = { blue: 0, yellow: 1, red: 2 };
  return rank[a] >= rank[b] ? a : b;
}

const MAX_VALUE_IN_TEXT = 200;

/** A label value safe inside Markdown: one line, short, every Markdown punctuation escaped. */
export function markdownSafe(value: string): string {
  const short = value.length > MAX_VALUE_IN_TEXT ? `${value.slice(0, MAX_VALUE_IN_TEXT - 1)}…` : value;
  return short.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (char) => `\\${char}`);
}

export interface TemplateValues {
  alert: Pick<ReceivedAlert, "labels" | "annotations">;
  /** The components' names, joined for a sentence ("API and Git push"). */
  components: string;
}

/**
 * Fills a template. `escapeValue` is markdownSafe for a post's body; for a title (plain text, escaped
 * when rendered) it only shortens. Unknown placeholders become empty.
 */
export function renderTemplate(template: string, values: TemplateValues, escapeValue: (value: string) => string = markdownSafe): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g, (_, name: string) => {
    if (name === "components") return values.components;
    const [scope, key] = name.includes(".") ? (name.split(".", 2) as [string, string]) : ["labels", name];
    const record = scope === "annotations" ? values.alert.annotations : scope === "labels" ? values.alert.labels : {};
    return Object.hasOwn(record, key) ? escapeValue(record[key]!) : "";
  });
}

export const shortened = (value: string) => (value.length > MAX_VALUE_IN_TEXT ? `${value.slice(0, MAX_VALUE_IN_TEXT - 1)}…` : value);

/** "API", "API and Git push", "API, Git push and Web". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "our systems";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export const RESOLVED_BODY = "Our automated systems no longer detect the problem with {{components}}. We are monitoring to make sure it does not come back.";
export const STORM_TITLE = "Multiple systems affected";
