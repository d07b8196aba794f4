// An integration's rules in routing order (or the global rules, tried after every integration's
// own): what each takes, proposes and writes for a sample alert; admins edit, delete and reorder.
import type { IntegrationSummary, RuleSummary } from "@/lib/alerts/integrations";
import type { RuleMatcher } from "@/lib/validation/integrations";
import { STATE_LABEL } from "@/lib/text/labels";
import { AdminSection } from "../_components/AdminSection";
import { ButtonForm } from "../_components/ButtonForm";
import { RulePreview, ruleText } from "./RulePreview";
import { deleteRuleAction, reorderRulesAction } from "./actions";

interface Props {
  /** null: the rules that apply to every integration. */
  integration: IntegrationSummary | null;
  rules: readonly RuleSummary[];
  components: readonly { id: number; name: string }[];
  canManage: boolean;
}

function describeMatcher(matcher: RuleMatcher): string {
  if (matcher.op === "exists") return `${matcher.label} exists`;
  return matcher.op === "equals" ? `${matcher.label} = “${matcher.value}”` : `${matcher.label} matches /${matcher.value}/`;
}

function describeStates(rule: RuleSummary): string {
  if (rule.fixedState) return `always ${STATE_LABEL[rule.fixedState]}`;
  const bySeverity = Object.entries(rule.severityStates).map(([severity, state]) => `severity ${severity} → ${STATE_LABEL[state]}`);
  return [...bySeverity, `otherwise ${STATE_LABEL.yellow}`].join(", ");
}

/** Moves one rule up or down: the whole new order, as reorderRules takes it. */
function MoveButton({ rules, index, by, integrationId }: { rules: readonly RuleSummary[]; index: number; by: -1 | 1; integrationId: number }) {
  const order = rules.map((rule) => rule.id);
  [order[index], order[index + by]] = [order[index + by]!, order[index]!];
  const rule = rules[index]!;
  return (
    <ButtonForm
      action={reorderRulesAction}
      fields={{ integrationId, ruleIds: order }}
      label={by < 0 ? "Move up" : "Move down"}
      ariaLabel={`Move ${rule.name} ${by < 0 ? "up" : "down"}`}
    />
  );
}

export function RuleList({ integration, rules, components, canManage }: Props) {
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `#${id}`;
  const id = integration ? `integration-${integration.id}` : "global-rules";
  const title = integration ? `Rules for ${integration.name}` : "Rules for every integration";
  const addRule = integration && canManage && !integration.revokedAt && (
    <a href={`/admin/integrations/${integration.id}/rules/new`} className="underline">
      Add a rule
    </a>
  );
  return (
    <AdminSection id={id} title={title} aside={addRule}>
      {rules.length === 0 && <p>No rules yet: every alert from {integration?.name} is kept as unrouted.</p>}
      <ol className="space-y-3">
        {rules.map((rule, index) => (
          <li key={rule.id} data-rule={rule.name} className="space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700">
            <p className="font-semibold">
              {index + 1}. {rule.name}
            </p>
            <ul className="list-disc pl-6 text-sm">
              <li>Takes: {rule.matchers.length === 0 ? "every alert" : rule.matchers.map(describeMatcher).join(" and ")}</li>
              <li>Components: {rule.componentIds.map(nameOf).join(", ")}</li>
              <li>Proposes: {describeStates(rule)}</li>
              <li>
                {rule.mode === "draft" ? "Drafts for a commander" : "Publishes at once"}
                {rule.resolveAutomatically ? "; resolves automatically" : "; a commander confirms the Resolved"}
              </li>
            </ul>
            <RulePreview text={ruleText({ ...rule, componentNames: rule.componentIds.map(nameOf) })} />
            {canManage && (
              <div className="flex flex-wrap gap-4 text-sm">
                {integration && (
                  <a href={`/admin/integrations/${integration.id}/rules/${rule.id}`} className="underline" aria-label={`Edit ${rule.name}`}>
                    Edit
                  </a>
                )}
                {integration && index > 0 && <MoveButton rules={rules} index={index} by={-1} integrationId={integration.id} />}
                {integration && index < rules.length - 1 && <MoveButton rules={rules} index={index} by={1} integrationId={integration.id} />}
                <ButtonForm action={deleteRuleAction} fields={{ ruleId: rule.id }} label="Delete" ariaLabel={`Delete ${rule.name}`} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </AdminSection>
  );
}
