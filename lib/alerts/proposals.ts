// Writing what alerts propose: a new draft, an alert merged into its group's draft, the storm
// draft beyond the threshold, an alert attached to its open incident (an internal timeline event),
// and the Resolved proposal. Called by ingest.ts inside its transactions; publishes nothing.
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { writeInternalEntry } from "@/lib/incident-timeline/entries";
import type { ProposableState } from "@/lib/validation/integrations";
import type { DraftStateChange } from "./drafts";
import { STORM_WINDOW_MS, stormReached } from "./grouping";
import type { IntegrationSummary, RuleSummary } from "./integrations";
import type { ReceivedAlert } from "./payloads";
import { joinNames, markdownSafe, proposedState, RESOLVED_BODY, renderTemplate, shortened, STORM_TITLE, worseState } from "./rules";
import { stormThreshold, type PayloadOutcome } from "./received";

export interface Step {
  outcome: PayloadOutcome;
  reason: string;
}

export interface Receiving {
  db: Db;
  integration: IntegrationSummary;
  actor: Actor;
  rules: RuleSummary[];
  now: Date;
  /** Drafts that a publish-mode rule wants published once the alerts are stored. */
  toPublish: Set<number>;
}

export async function attachToIncident(tx: Tx, context: Receiving, alertId: number, incidentId: number, what: string, again: boolean): Promise<Step> {
  await tx.alert.update({ where: { id: alertId }, data: { incidentId, draftId: null } });
  await writeInternalEntry(tx, {
    incidentId,
    kind: "system",
    occurredAt: context.now,
    author: context.actor,
    systemCode: "alert.firing",
    body: `Alert ${what}`,
  });
  // A Resolved proposal no longer holds while an alert of the incident fires again.
  if (again)
    await tx.alertDraft.updateMany({
      where: { incidentId, kind: "post", status: "open" },
      data: { status: "dismissed", decidedAt: context.now, decidedByLabel: context.actor.label },
    });
  return { outcome: "attached", reason: `${what}: attached to its open incident.` };
}

async function componentNames(tx: Tx, componentIds: readonly number[]): Promise<string> {
  const rows = await tx.component.findMany({ where: { id: { in: [...componentIds] } }, select: { name: true }, orderBy: { position: "asc" } });
  return joinNames(rows.map((row) => row.name));
}

function stateChangesOf(componentIds: readonly number[], state: ProposableState): DraftStateChange[] {
  // Blue is maintenance's: a rule proposing it for an incident proposes Degraded instead.
  const incidentState = state === "blue" ? "yellow" : state;
  return componentIds.map((componentId) => ({ componentId, state: incidentState }));
}

export async function mergeIntoDraft(tx: Tx, draftId: number, rule: RuleSummary, alert: ReceivedAlert): Promise<void> {
  const draft = await tx.alertDraft.findUniqueOrThrow({ where: { id: draftId }, select: { componentStates: true } });
  const states = new Map((draft.componentStates as DraftStateChange[]).map((change) => [change.componentId, change.state as ProposableState]));
  const proposed = proposedState(rule, alert.labels);
  for (const componentId of rule.componentIds) states.set(componentId, worseState(states.get(componentId) ?? proposed, proposed));
  await tx.alertDraft.update({
    where: { id: draftId },
    data: { componentStates: [...states].flatMap(([componentId, state]) => stateChangesOf([componentId], state)) },
  });
}

export async function openDraft(tx: Tx, context: Receiving, alertId: number, rule: RuleSummary, alert: ReceivedAlert): Promise<Step> {
  const { now, integration } = context;
  const since = new Date(now.getTime() - STORM_WINDOW_MS);
  const recent = await tx.alertDraft.count({ where: { kind: "open_incident", storm: false, integrationId: { not: null }, createdAt: { gte: since } } });
  if (stormReached(recent, await stormThreshold(tx))) return joinStorm(tx, context, alertId, rule, alert, since);

  const components = await componentNames(tx, rule.componentIds);
  const values = { alert, components };
  const draft = await tx.alertDraft.create({
    data: {
      kind: "open_incident",
      integrationId: integration.id,
      ruleId: rule.id,
      groupKey: alert.groupKey,
      title: renderTemplate(rule.titleTemplate, values, shortened).slice(0, 200) || alertName(alert),
      body: renderTemplate(rule.bodyTemplate, values),
      postType: "investigating",
      componentStates: stateChangesOf(rule.componentIds, proposedState(rule, alert.labels)),
      createdAt: now,
    },
    select: { id: true },
  });
  await tx.alert.update({ where: { id: alertId }, data: { draftId: draft.id, incidentId: null } });
  if (rule.mode === "publish") context.toPublish.add(draft.id);
  return { outcome: "opened", reason: `${alertName(alert)} opened draft #${draft.id} for a commander.` };
}

/** Beyond the threshold, new groups join one storm draft (or its incident, once confirmed), listing every alert. */
async function joinStorm(tx: Tx, context: Receiving, alertId: number, rule: RuleSummary, alert: ReceivedAlert, since: Date): Promise<Step> {
  const storm = await tx.alertDraft.findFirst({
    where: { storm: true, createdAt: { gte: since }, status: { in: ["open", "confirmed"] } },
    orderBy: { id: "desc" },
    select: { id: true, status: true, incidentId: true, incident: { select: { resolvedAt: true } } },
  });
  if (storm?.status === "confirmed" && storm.incidentId !== null && storm.incident?.resolvedAt === null) {
    return attachToIncident(tx, context, alertId, storm.incidentId, `${alertName(alert)} fired during an alert storm`, false);
  }
  const draftId =
    storm?.status === "open"
      ? storm.id
      : (
          await tx.alertDraft.create({
            data: {
              kind: "open_incident",
              storm: true,
              integrationId: context.integration.id,
              groupKey: `storm:${context.now.toISOString()}`,
              title: STORM_TITLE,
              body: "",
              postType: "investigating",
              componentStates: [],
              createdAt: context.now,
            },
            select: { id: true },
          })
        ).id;
  await tx.alert.update({ where: { id: alertId }, data: { draftId, incidentId: null } });
  await mergeIntoDraft(tx, draftId, rule, alert);
  await tx.alertDraft.update({ where: { id: draftId }, data: { body: await stormBody(tx, draftId) } });
  return {
    outcome: storm ? "attached" : "opened",
    reason: `${alertName(alert)} joined storm draft #${draftId}: integrations opened more than the storm threshold within 10 minutes.`,
  };
}

async function stormBody(tx: Tx, draftId: number): Promise<string> {
  const draft = await tx.alertDraft.findUniqueOrThrow({
    where: { id: draftId },
    select: { componentStates: true, alerts: { select: { labels: true, annotations: true }, orderBy: { id: "asc" } } },
  });
  const components = await componentNames(
    tx,
    (draft.componentStates as DraftStateChange[]).map((change) => change.componentId),
  );
  const lines = draft.alerts.map((row) => `- ${markdownSafe(alertName({ labels: row.labels as Record<string, string>, fingerprint: "" }))}`);
  return `Our automated systems have detected problems with ${components}. We are investigating.\n\n${lines.join("\n")}`;
}

export async function resolved(
  tx: Tx,
  context: Receiving,
  alert: { id: number; incidentId: number | null; groupKey: string; ruleId: number | null },
  name: string,
): Promise<Step> {
  if (alert.incidentId === null) return { outcome: "ignored", reason: `${name} resolved; nothing was published for it.` };
  const incident = await tx.incident.findUnique({
    where: { id: alert.incidentId },
    select: { resolvedAt: true, components: { select: { componentId: true } } },
  });
  if (!incident || incident.resolvedAt) return { outcome: "ignored", reason: `${name} resolved; its incident is already resolved.` };
  await writeInternalEntry(tx, {
    incidentId: alert.incidentId,
    kind: "system",
    occurredAt: context.now,
    author: context.actor,
    systemCode: "alert.resolved",
    body: `Alert ${name} resolved`,
  });
  const firing = await tx.alert.count({ where: { incidentId: alert.incidentId, groupKey: alert.groupKey, status: "firing" } });
  if (firing > 0) return { outcome: "attached", reason: `${name} resolved; ${firing} alert(s) of its group still firing.` };
  const proposal = await tx.alertDraft.findFirst({ where: { incidentId: alert.incidentId, kind: "post", status: "open" }, select: { id: true } });
  if (proposal) return { outcome: "attached", reason: `${name} resolved; a Resolved post is already proposed (draft #${proposal.id}).` };

  const rule = context.rules.find((candidate) => candidate.id === alert.ruleId) ?? null;
  const componentIds = incident.components.map((link) => link.componentId);
  const draft = await tx.alertDraft.create({
    data: {
      kind: "post",
      integrationId: context.integration.id,
      ruleId: rule?.id ?? null,
      groupKey: alert.groupKey,
      incidentId: alert.incidentId,
      title: "Resolved",
      body: renderTemplate(RESOLVED_BODY, { alert: { labels: {}, annotations: {} }, components: await componentNames(tx, componentIds) }),
      postType: "resolved",
      componentStates: componentIds.map((componentId) => ({ componentId, state: "green" })),
      createdAt: context.now,
    },
    select: { id: true },
  });
  if (rule?.mode === "publish" && rule.resolveAutomatically) context.toPublish.add(draft.id);
  return { outcome: "attached", reason: `${name} resolved: proposed a Resolved post (draft #${draft.id}).` };
}

export function alertName(alert: Pick<ReceivedAlert, "labels" | "fingerprint">): string {
  const name = Object.hasOwn(alert.labels, "alertname") ? alert.labels.alertname! : alert.fingerprint;
  return shortened(name);
}
