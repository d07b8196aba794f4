import type { Metadata } from "next";
import { notFound } from "next/navigation";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { listRules, loadIntegration } from "@/lib/alerts/integrations";
import { loadComponents } from "@/lib/db/timeline-queries";
import { saveRuleAction } from "../../../actions";
import { RuleForm } from "../../../RuleForm";
import { ruleFormValues } from "../../../rule-values";

export const metadata: Metadata = { title: "Alert rule" };

const paramsSchema = z.object({
  id: z.coerce.number().int().positive(),
  rule: z.union([z.literal("new"), z.coerce.number().int().positive()]),
});

/** A new rule (`/rules/new`) or an existing one of this integration; admins only. */
export default async function AlertRulePage({ params }: PageProps<"/admin/integrations/[id]/rules/[rule]">) {
  await requireRole("admin");
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id, rule: ruleParam } = parsed.data;
  const [integration, rules, components] = await Promise.all([loadIntegration(db(), id), listRules(db()), loadComponents(db())]);
  const rule = ruleParam === "new" ? null : rules.find((candidate) => candidate.id === ruleParam && candidate.integrationId === id);
  if (!integration || rule === undefined) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{rule ? `Rule “${rule.name}”` : "New rule"}</h1>
      <p>
        For alerts from{" "}
        <a href={`/admin/integrations#integration-${integration.id}`} className="underline">
          {integration.name}
        </a>
        . Rules are tried in order; the first whose matchers all match routes the alert.
      </p>
      <RuleForm action={saveRuleAction} components={components} initialValues={ruleFormValues(integration.id, rule)} />
    </div>
  );
}
