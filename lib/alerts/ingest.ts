// Alerts in: the main module of lib/alerts/. What a received notification does, alert by alert
// (the decision is grouping.ts's, pure; the drafts it writes are proposals.ts's):
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
import { timelineWrite } from "@/lib/db/timeline-writes";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { type DraftStateChange, markPublished } from "./drafts";
import { decide } from "./grouping";
import { integrationActor, type IntegrationSummary, listRules, type RuleSummary } from "./integrations";
import type { ReceivedAlert } from "./payloads";
import { alertName, attachToIncident, mergeIntoDraft, openDraft, type Receiving, resolved, type Step } from "./proposals";
import { matchingRule } from "./rules";
import { type PayloadOutcome, pruneReceivedPayloads, storePayload } from "./received";

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
