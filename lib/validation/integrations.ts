// Inputs of alert integrations, their rules and the drafts they propose (admin UI and write API).
// States a rule may propose are never green: only a commander (or a rule that says so) turns a component green.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import { stateChangeSchema } from "@/lib/validation/incidents";

export const INTEGRATION_KINDS = ["alertmanager", "grafana", "uptime_kuma", "generic"] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export const createIntegrationSchema = z.object({
  name: singleLineText().min(1, "Name the integration after its sender, e.g. alertmanager-prod.").max(60, "Keep the name under 60 characters."),
  kind: z.enum(INTEGRATION_KINDS, { error: "Choose Alertmanager, Grafana, Uptime Kuma or Generic." }),
});
export type CreateIntegrationInput = z.infer<typeof createIntegrationSchema>;

export const MATCHER_OPS = ["equals", "regex", "exists"] as const;

/** A label name as Prometheus allows it; "alertname" is also the monitor name of Uptime Kuma and Grafana. */
const labelName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,99}$/, "Use a label name: letters, digits and underscores, not starting with a digit.");

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export const ruleMatcherSchema = z.discriminatedUnion("op", [
  z.object({ label: labelName, op: z.literal("equals"), value: z.string().max(200, "Keep the value under 200 characters.") }),
  z.object({
    label: labelName,
    op: z.literal("regex"),
    value: z.string().min(1, "Write a pattern.").max(200, "Keep the pattern under 200 characters.").refine(compiles, "This is not a valid regular expression."),
  }),
  z.object({ label: labelName, op: z.literal("exists") }),
]);
export type RuleMatcher = z.infer<typeof ruleMatcherSchema>;

/** What a rule may propose for its components: never green. */
export const proposableStates = ["yellow", "red", "blue"] as const;
export type ProposableState = (typeof proposableStates)[number];
const proposableState = z.enum(proposableStates, { error: "Choose Degraded, Outage or Maintenance (a rule never proposes Operational)." });

export const DEFAULT_SEVERITY_STATES: Record<string, ProposableState> = { critical: "red", warning: "yellow" };
export const DEFAULT_TITLE_TEMPLATE = "{{alertname}}";
export const DEFAULT_BODY_TEMPLATE = "Our automated systems have detected a problem with {{components}}. We are investigating.";

const ruleFields = {
  /** null: the rule applies to every integration. */
  integrationId: z.coerce.number().int().positive().nullable().default(null),
  name: singleLineText().min(1, "Name the rule.").max(100, "Keep the name under 100 characters."),
  matchers: z.array(ruleMatcherSchema).max(20, "Use at most 20 matchers.").default([]),
  componentIds: z.array(z.coerce.number().int().positive()).min(1, "Choose at least one component.").max(100),
  severityStates: z.record(z.string().trim().min(1).max(50), proposableState).default(DEFAULT_SEVERITY_STATES),
  fixedState: proposableState.nullable().default(null),
  titleTemplate: singleLineText().min(1, "Write a title template.").max(200).default(DEFAULT_TITLE_TEMPLATE),
  bodyTemplate: multiLineText().min(1, "Write a body template.").max(5_000).default(DEFAULT_BODY_TEMPLATE),
  mode: z.enum(["draft", "publish"]).default("draft"),
  resolveAutomatically: z.boolean().default(false),
};

export const createRuleSchema = z.object(ruleFields);
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z.object({ ruleId: z.coerce.number().int().positive(), ...ruleFields });
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

/** Rule ids in their new order (of one integration, or of the global rules). */
export const reorderRulesSchema = z.object({
  integrationId: z.coerce.number().int().positive().nullable(),
  ruleIds: z.array(z.coerce.number().int().positive()).min(1).max(500),
});
export type ReorderRulesInput = z.infer<typeof reorderRulesSchema>;

/** What the commander may change in a draft before confirming it. */
export const draftEditsSchema = z.object({
  title: singleLineText().min(1, "Give the incident a title customers will understand.").max(200, "Keep the title under 200 characters.").optional(),
  body: multiLineText().max(20_000, "Keep the text under 20,000 characters.").optional(),
  stateChanges: z.array(stateChangeSchema).max(500).optional(),
});
export type DraftEdits = z.infer<typeof draftEditsSchema>;

/** How many incidents or drafts integrations may open within 10 minutes before the rest collapse into one. */
export const stormThresholdSchema = z.coerce
  .number({ error: "Enter a whole number of incidents." })
  .int("Enter a whole number of incidents.")
  .min(1, "Use at least 1.")
  .max(1_000, "Use at most 1000.");

/** The admin's form at /admin/integrations. */
export const stormThresholdFormSchema = z.object({ stormThreshold: stormThresholdSchema });
