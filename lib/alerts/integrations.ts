// Alert integrations (a monitoring tool's token) and their rules: created, revoked, reordered by
// admins; every change audited in its transaction. An integration's token is `bci_` + 32 random
// bytes, kept as SHA-256 like an API token's and shown once.
import { timingSafeEqual } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import { createAudited, deleteAudited } from "@/lib/audit/audited";
import { recordAudit } from "@/lib/audit/log";
import { hashApiToken, mintToken } from "@/lib/auth/api-tokens";
import { authorize, type Actor } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import type {
  CreateIntegrationInput,
  CreateRuleInput,
  IntegrationKind,
  ProposableState,
  ReorderRulesInput,
  RuleMatcher,
  UpdateRuleInput,
} from "@/lib/validation/integrations";
import type { RoutingRule } from "./rules";

const TOKEN_PATTERN = /^bci_[A-Za-z0-9_-]{43}$/;

export interface IntegrationSummary {
  id: number;
  name: string;
  kind: IntegrationKind;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const summaryFields = { id: true, name: true, kind: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The integration's URL path under /api/integrations/. */
export const INTEGRATION_PATH: Record<IntegrationKind, string> = {
  alertmanager: "alertmanager",
  grafana: "grafana",
  uptime_kuma: "uptime-kuma",
  generic: "generic",
};

/** Creates an integration; the returned token is shown once and cannot be recovered. */
export async function createIntegration(
  db: Db,
  actor: Actor | null,
  input: CreateIntegrationInput,
  now: Date,
): Promise<{ token: string; integration: IntegrationSummary }> {
  const admin = authorize(actor, "admin");
  const { token, ...stored } = mintToken("bci_");
  const integration = await createAudited(
    db,
    (tx) =>
      tx.alertIntegration.create({ data: { name: input.name, kind: input.kind, ...stored, createdById: admin.userId, createdAt: now }, select: summaryFields }),
    (row) => ({ actor: admin, action: "integration.create", targetType: "alert_integration", after: { name: row.name, kind: row.kind, prefix: row.prefix } }),
  );
  return { token, integration };
}

export async function revokeIntegration(db: Db, actor: Actor | null, integrationId: number, now: Date): Promise<IntegrationSummary | null> {
  const admin = authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    const row = await tx.alertIntegration.findUnique({ where: { id: integrationId }, select: summaryFields });
    if (!row || row.revokedAt) return row;
    const revoked = await tx.alertIntegration.update({ where: { id: integrationId }, data: { revokedAt: now }, select: summaryFields });
    await recordAudit(tx, {
      actor: admin,
      action: "integration.revoke",
      targetType: "alert_integration",
      targetId: row.id,
      before: { name: row.name, kind: row.kind },
    });
    return revoked;
  });
}

export function listIntegrations(db: Db): Promise<IntegrationSummary[]> {
  return db.alertIntegration.findMany({ select: summaryFields, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

export function loadIntegration(db: Db, integrationId: number): Promise<IntegrationSummary | null> {
  return db.alertIntegration.findUnique({ where: { id: integrationId }, select: summaryFields });
}

/** The integration a token belongs to, if it is of this kind and not revoked; compared in constant time. */
export async function integrationByToken(db: Db, token: string | null, kind: IntegrationKind, now: Date): Promise<IntegrationSummary | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const hash = hashApiToken(token);
  const row = await db.alertIntegration.findUnique({ where: { tokenHash: hash }, select: { ...summaryFields, tokenHash: true } });
  if (!row || row.revokedAt || row.kind !== kind || !timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"))) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) {
    await db.alertIntegration.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { tokenHash: _, ...summary } = row;
  return summary;
}

/** How an integration appears as the author of what it publishes and in the audit log. */
export function integrationActor(integration: Pick<IntegrationSummary, "name">, ip: string): Actor {
  return { userId: null, label: `integration:${integration.name}`, role: "commander", ip };
}

export interface RuleSummary extends RoutingRule {
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

type RuleRow = Omit<RuleSummary, "matchers" | "componentIds" | "severityStates" | "fixedState"> & {
  matchers: unknown;
  componentIds: unknown;
  severityStates: unknown;
  fixedState: string | null;
};

/** The columns were written from validated input (lib/validation/integrations.ts): never green. */
export function ruleOf(row: RuleRow): RuleSummary {
  return {
    ...row,
    matchers: row.matchers as RuleMatcher[],
    componentIds: row.componentIds as number[],
    severityStates: row.severityStates as Record<string, ProposableState>,
    fixedState: row.fixedState as ProposableState | null,
  };
}

/** Every rule, in routing order per integration (global rules have integrationId null). */
export async function listRules(db: Db | Tx): Promise<RuleSummary[]> {
  const rows = await db.alertRule.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map(ruleOf);
}

async function assertRuleTargets(tx: Tx, input: CreateRuleInput): Promise<void> {
  if (input.integrationId !== null && !(await tx.alertIntegration.findUnique({ where: { id: input.integrationId }, select: { id: true } }))) {
    throw new InputError("integrationId", "This integration does not exist.");
  }
  const known = await tx.component.count({ where: { id: { in: input.componentIds } } });
  if (known !== new Set(input.componentIds).size) throw new InputError("componentIds", "Choose components that exist.");
}

const ruleData = (input: CreateRuleInput) => ({
  integrationId: input.integrationId,
  name: input.name,
  matchers: input.matchers,
  componentIds: input.componentIds,
  severityStates: input.severityStates,
  fixedState: input.fixedState,
  titleTemplate: input.titleTemplate,
  bodyTemplate: input.bodyTemplate,
  mode: input.mode,
  resolveAutomatically: input.resolveAutomatically,
});

/** A new rule goes last among the rules of its integration (or the global ones). */
export async function createRule(db: Db, actor: Actor | null, input: CreateRuleInput): Promise<RuleSummary> {
  const admin = authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    await assertRuleTargets(tx, input);
    const last = await tx.alertRule.findFirst({ where: { integrationId: input.integrationId }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.alertRule.create({ data: { ...ruleData(input), position: (last?.position ?? -1) + 1 } });
    await recordAudit(tx, { actor: admin, action: "alert_rule.create", targetType: "alert_rule", targetId: row.id, after: ruleData(input) });
    return ruleOf(row);
  });
}

export async function updateRule(db: Db, actor: Actor | null, input: UpdateRuleInput): Promise<RuleSummary> {
  const admin = authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    const before = await tx.alertRule.findUnique({ where: { id: input.ruleId } });
    if (!before) throw new InputError("ruleId", "This rule no longer exists.");
    await assertRuleTargets(tx, input);
    const row = await tx.alertRule.update({ where: { id: input.ruleId }, data: ruleData(input) });
    await recordAudit(tx, {
      actor: admin,
      action: "alert_rule.update",
      targetType: "alert_rule",
      targetId: row.id,
      before: ruleData(ruleOf(before)),
      after: ruleData(input),
    });
    return ruleOf(row);
  });
}

export async function deleteRule(db: Db, actor: Actor | null, ruleId: number): Promise<void> {
  const admin = authorize(actor, "admin");
  const where = { id: ruleId };
  const rule = { find: (tx: Tx) => tx.alertRule.findUnique({ where }), delete: (tx: Tx) => tx.alertRule.delete({ where }) };
  await deleteAudited(db, rule, (row) => ({ actor: admin, action: "alert_rule.delete", targetType: "alert_rule", before: ruleData(ruleOf(row)) }));
}

/** Gives the listed rules positions 0, 1, 2 … in that order; they must be exactly the rules of that scope. */
export async function reorderRules(db: Db, actor: Actor | null, input: ReorderRulesInput): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction(async (tx) => {
    const rules = await tx.alertRule.findMany({ where: { integrationId: input.integrationId }, select: { id: true } });
    const ids = new Set(rules.map((rule) => rule.id));
    if (ids.size !== input.ruleIds.length || !input.ruleIds.every((id) => ids.has(id))) {
      throw new InputError("ruleIds", "The rules changed meanwhile; reload and order them again.");
    }
    for (const [position, id] of input.ruleIds.entries()) await tx.alertRule.update({ where: { id }, data: { position } });
    await recordAudit(tx, {
      actor: admin,
      action: "alert_rule.reorder",
      targetType: "alert_integration",
      targetId: input.integrationId ?? "global",
      after: { ruleIds: input.ruleIds },
    });
  });
}
