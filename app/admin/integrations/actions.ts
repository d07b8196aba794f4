"use server";
// Integrations and their rules: admins only, through runAdminAction; the use-cases in
// lib/alerts/integrations.ts validate the targets and audit every change.
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { withFieldErrors } from "@/lib/admin/action";
import { buttonAction, createWithSecret, formAction, serverAction } from "@/lib/admin/form-action";
import type { FormState } from "@/lib/admin/form-state";
import { createIntegration, createRule, deleteRule, reorderRules, revokeIntegration, updateRule } from "@/lib/alerts/integrations";
import { updateStormThreshold } from "@/lib/alerts/received";
import { loadComponents } from "@/lib/db/timeline-queries";
import { loadEnv } from "@/lib/runtime/env";
import { integrationIdSchema, ruleFormSchema, ruleIdSchema } from "@/lib/validation/alert-rule-form";
import { createIntegrationSchema, reorderRulesSchema, stormThresholdFormSchema } from "@/lib/validation/integrations";
import { ruleText, type RuleText } from "./RulePreview";
import { integrationUrl, setupText } from "./setup-text";

export interface RuleFormState extends FormState {
  /** "Preview text": what the templates write for a sample alert; plain strings, so the form works without JavaScript. */
  ruleText?: RuleText;
}

/** The new integration's token comes with its ready-to-paste configuration. */
export const createIntegrationAction = createWithSecret(createIntegrationSchema, async (input, actor) => {
  const { token, integration } = await createIntegration(db(), actor, input, new Date());
  return {
    message: `Integration ${integration.name} created. Copy its token now: it is shown only this once.`,
    secret: token,
    setup: setupText(integration.kind, integrationUrl(loadEnv().publicUrl, integration.kind), token),
  };
});

export const revokeIntegrationAction = buttonAction("admin", integrationIdSchema, async ({ integrationId }, actor) => {
  await revokeIntegration(db(), actor, integrationId, new Date());
});

/** "Preview text" shows what the templates write for a sample alert; "Save rule" creates or updates it. */
export const saveRuleAction = serverAction({
  role: "admin",
  schema: ruleFormSchema,
  run: ({ intent, ruleId, ...input }, actor, values) =>
    withFieldErrors(values, async (): Promise<RuleFormState> => {
      if (intent === "preview") {
        const components = await loadComponents(db());
        const names = components.filter((component) => input.componentIds.includes(component.id)).map((component) => component.name);
        return { status: "idle", values, ruleText: ruleText({ ...input, componentNames: names }) };
      }
      const rule = ruleId === undefined ? await createRule(db(), actor, input) : await updateRule(db(), actor, { ...input, ruleId });
      redirect(`/admin/integrations?saved=${rule.id}#integration-${rule.integrationId}`);
    }),
});

export const deleteRuleAction = buttonAction("admin", ruleIdSchema, async ({ ruleId }, actor) => {
  await deleteRule(db(), actor, ruleId);
});

export const reorderRulesAction = buttonAction("admin", reorderRulesSchema, async (input, actor) => {
  await reorderRules(db(), actor, input);
});

export const updateStormThresholdAction = formAction("admin", stormThresholdFormSchema, ({ stormThreshold }, actor) =>
  updateStormThreshold(db(), actor, stormThreshold),
);
