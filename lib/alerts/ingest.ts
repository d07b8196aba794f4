// Alerts in: the main module of lib/alerts/. What a received notification does, alert by alert:
// The decision for each alert is grouping.ts's (pure); this module does its database work.
//   1. Known by fingerprint (per integration) or by group key → attached to the same open draft or
//      open incident (on an incident: an internal timeline event, never a new incident).
//      The same notification again changes nothing (idempotent).
//   2. Matched by no rule → kept and listed as unrouted; nothing is proposed.
//   3. New group → a draft for a commander (mode "draft", the default), or, for a "publish" rule,
//      the Investigating post at once through openIncident, written by `integration:<name>`.
//      More than N such openings within 10 minutes (setting alertStormThreshold, default 5) → the
//      rest collapse into one storm draft listing them; a storm always waits for a commander.
//   4. Resolved → when no alert of its group still fires, a Resolved draft is proposed (green only
//      after a commander confirms it), unless the rule says resolveAutomatically (publish mode).
//   5. Flapping: an alert firing again within COOL_DOWN_MS of resolving neither reopens nor re-posts.
// Every payload is stored with its outcome (opened > attached > unrouted > ignored, or rejected).
//
// For the admin side: integrations.ts (createIntegration → token once, revokeIntegration,
// listIntegrations, loadIntegration, createRule, updateRule, deleteRule, reorderRules, listRules),
// drafts.ts (listOpenDrafts, loadDraft, draftPublishInput for previewPublish, confirmDraft,
// dismissDraft), received.ts (listReceivedPayloads, listUnroutedAlerts, stormThreshold).
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { writeInternalEntry } from "@/lib/incident-timeline/entries";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import type { ProposableState } from "@/lib/validation/integrations";
import { markPublished, type DraftStateChange } from "./drafts";
import { decide, STORM_WINDOW_MS, stormReached } from "./grouping";
import { integrationActor, listRules, type IntegrationSummary, type RuleSummary } from "./integrations";
import type { ReceivedAlert } from "./payloads";
import { joinNames, markdownSafe, matchingRule, proposedState, RESOLVED_BODY, renderTemplate, shortened, STORM_TITLE, worseState } from "./rules";
import { pruneReceivedPayloads, storePayload, stormThreshold, type PayloadOutcome } from "./received";

interface Step {
  outcome: PayloadOutcome;
  reason: string;
}

interface Receiving {
  db: Db;
  integration: IntegrationSummary;
  actor: Actor;
  rules: RuleSummary[];
  now: Date;
  /** Drafts that a publish-mode rule wants published once the alerts are stored. */
  toPublish: Set<number>;
}

const ALERTS_PER_TRANSACTION = 25;

const OUTCOME_RANK: PayloadOutcome[] = ["ignored", "unrouted", "attached", "opened"];

// One notification at a time per process: two resends of one group must not both open a draft.
// (Across instances, timelineWrite's advisory lock serialises each chunk of alerts.)
let queue: Promise<unknown> = Promise.resolve();

/** Handles the parsed alerts of one payload and stores the payload with its outcome. */
export function receiveAlerts(
  db: Db,
  integration: IntegrationSummary,
  received: { alerts: ReceivedAlert[]; truncated: number; alertCount: number; body: string; ip: string },
  now: Date,
): Promise<{ outcome: PayloadOutcome; reason: string; payloadId: number }> {
  const run = async () => {
    const context: Receiving = { db, integration, actor: integrationActor(integration, received.ip), rules: await listRules(db), now, toPublish: new Set() };
    const steps: Step[] = [];
    // A few alerts per transaction: far fewer commits than one each, and no lock held for long. In
    // the timeline-write queue (and its PostgreSQL advisory lock), so two instances receiving the
    // same group at once (an HA Alertmanager pair) open one draft, and drafts see publishes in order.
    for (let start = 0; start < received.alerts.length; start += ALERTS_PER_TRANSACTION) {
      const chunk = received.alerts.slice(start, start + ALERTS_PER_TRANSACTION);
      await timelineWrite(db, async (tx) => {
        for (const alert of chunk) steps.push(await receiveOne(tx, context, alert));
      });
    }
    for (const draftId of context.toPublish) steps.push(await publishAtOnce(context, draftId));
    // The strongest outcome; among equals the last, so a publish's own step tells what happened.
    const final = steps.reduce<Step>((best, step) => (OUTCOME_RANK.indexOf(step.outcome) >= OUTCOME_RANK.indexOf(best.outcome) ? step : best), {
      outcome: "ignored",
      reason:
        received.alerts.length === 0
          ? "No alert to act on (a test notification, or a pending or maintenance heartbeat)."
          : "Nothing changed: these alerts were already known.",
    });
    const reason =
      received.truncated > 0
        ? `${final.reason} ${received.truncated} alert(s) not processed (over the per-payload limit or truncated by the sender).`
        : final.reason;
    const payloadId = await storePayload(db, integration.id, { ...received, outcome: final.outcome, reason }, now);
    await pruneReceivedPayloads(db, now);
    return { outcome: final.outcome, reason, payloadId };
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

async function receiveOne(tx: Tx, context: Receiving, alert: ReceivedAlert): Promise<Step> {
  const { integration, now } = context;
  const key = { integrationId_fingerprint: { integrationId: integration.id, fingerprint: alert.fingerprint } };
  const known = await tx.alert.findUnique({ where: key, include: { draft: { select: { status: true } }, incident: { select: { resolvedAt: true } } } });
  const rule = matchingRule(context.rules, integration.id, alert.labels);
  const fields = {
    groupKey: alert.groupKey,
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    endsAt: alert.endsAt,
    generatorUrl: alert.generatorUrl,
    lastSeenAt: now,
  };
  const changed = known?.status !== alert.status;
  const row = known
    ? await tx.alert.update({
        where: { id: known.id },
        data: { ...fields, status: alert.status, ...(changed ? { statusChangedAt: now } : {}), ruleId: rule?.id ?? known.ruleId },
      })
    : await tx.alert.create({
        data: {
          ...fields,
          integrationId: integration.id,
          fingerprint: alert.fingerprint,
          status: alert.status,
          firstSeenAt: now,
          statusChangedAt: now,
          ruleId: rule?.id ?? null,
        },
      });
  const name = alertName(alert);
  const decision = decide(
    alert.status,
    known && {
      status: known.status,
      statusChangedAt: known.statusChangedAt,
      draftId: known.draftId,
      draftStatus: known.draft?.status ?? null,
      incidentId: known.incidentId,
      incidentOpen: known.incident !== null && known.incident.resolvedAt === null,
    },
    rule !== null,
    now,
  );
  switch (decision.kind) {
    case "ignore":
      return { outcome: "ignored", reason: `${name} ${decision.why}.` };
    case "resolve":
      return resolved(tx, context, row, name);
    case "unrouted":
      return { outcome: "unrouted", reason: `${name} matches no rule.` };
    case "attach-to-incident":
      return attachToIncident(tx, context, row.id, decision.incidentId, `${name} fired again${decision.flapping ? " (flapping)" : ""}`, true);
    case "stay-on-draft":
      return { outcome: "attached", reason: `${name} ${decision.flapping ? "fired again (flapping)" : "is still"} on its open draft.` };
    case "find-group":
      return intoGroup(tx, context, row.id, rule!, alert, name);
  }
}

/** A routed alert that belongs nowhere yet: its group's open incident or draft, else a new draft. */
async function intoGroup(tx: Tx, context: Receiving, alertId: number, rule: RuleSummary, alert: ReceivedAlert, name: string): Promise<Step> {
  const group = await groupHome(tx, context.integration.id, alert.groupKey);
  if (group?.incidentId) return attachToIncident(tx, context, alertId, group.incidentId, `${name} fired`, false);
  if (group?.draftId) {
    await tx.alert.update({ where: { id: alertId }, data: { draftId: group.draftId, incidentId: null } });
    await mergeIntoDraft(tx, group.draftId, rule, alert);
    return { outcome: "attached", reason: `${name} joined the open draft of its group.` };
  }
  return openDraft(tx, context, alertId, rule, alert);
}

/** The open draft or open incident that alerts of this group already belong to. */
async function groupHome(tx: Tx, integrationId: number, groupKey: string): Promise<{ draftId?: number; incidentId?: number } | null> {
  const draft = await tx.alertDraft.findFirst({
    where: { integrationId, groupKey, kind: "open_incident", status: "open" },
    select: { id: true },
    orderBy: { id: "desc" },
  });
  if (draft) return { draftId: draft.id };
  const sibling = await tx.alert.findFirst({
    where: { integrationId, groupKey, incident: { resolvedAt: null, deletedAt: null } },
    select: { incidentId: true },
    orderBy: { id: "desc" },
  });
  return sibling?.incidentId ? { incidentId: sibling.incidentId } : null;
}

async function attachToIncident(tx: Tx, context: Receiving, alertId: number, incidentId: number, what: string, again: boolean): Promise<Step> {
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

async function mergeIntoDraft(tx: Tx, draftId: number, rule: RuleSummary, alert: ReceivedAlert): Promise<void> {
  const draft = await tx.alertDraft.findUniqueOrThrow({ where: { id: draftId }, select: { componentStates: true } });
  const states = new Map((draft.componentStates as DraftStateChange[]).map((change) => [change.componentId, change.state as ProposableState]));
  const proposed = proposedState(rule, alert.labels);
  for (const componentId of rule.componentIds) states.set(componentId, worseState(states.get(componentId) ?? proposed, proposed));
  await tx.alertDraft.update({
    where: { id: draftId },
    data: { componentStates: [...states].flatMap(([componentId, state]) => stateChangesOf([componentId], state)) },
  });
}

async function openDraft(tx: Tx, context: Receiving, alertId: number, rule: RuleSummary, alert: ReceivedAlert): Promise<Step> {
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

async function resolved(
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

/** A publish-mode rule's draft goes out at once, written by the integration; a refused publish leaves it for a commander. */
async function publishAtOnce(context: Receiving, draftId: number): Promise<Step> {
  const { db, actor, now } = context;
  const draft = await db.alertDraft.findUniqueOrThrow({ where: { id: draftId }, include: { incident: { select: { number: true } } } });
  const stateChanges = draft.componentStates as DraftStateChange[];
  const common = { body: draft.body, stateChanges, idempotencyKey: `alert-draft-${draft.id}` };
  try {
    const outcome = draft.incident
      ? await publishPost(db, actor, { incidentNumber: draft.incident.number, type: "resolved", ...common }, { now })
      : await openIncident(
          db,
          actor,
          { title: draft.title, componentIds: stateChanges.map((change) => change.componentId), type: "investigating", ...common },
          { now },
        );
    if (outcome.status !== "published") throw new Error("a publish without a confirmation step needs no confirmation");
    await db.alertDraft.update({ where: { id: draftId }, data: { decidedAt: now, decidedByLabel: actor.label } });
    await markPublished(db, actor, draftId, outcome.incidentNumber);
    return {
      outcome: draft.incident ? "attached" : "opened",
      reason: `Published by ${actor.label} at once (rule in publish mode): incident #${outcome.incidentNumber}.`,
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { outcome: "opened", reason: `The rule publishes at once, but the publish was refused (${why}); draft #${draftId} waits for a commander.` };
  }
}

function alertName(alert: Pick<ReceivedAlert, "labels" | "fingerprint">): string {
  const name = Object.hasOwn(alert.labels, "alertname") ? alert.labels.alertname! : alert.fingerprint;
  return shortened(name);
}
