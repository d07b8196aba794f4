// Drafts: what alerts propose to a commander — open an incident, or post (e.g. Resolved) to one.
// A draft publishes nothing: confirming it goes through the publish use-cases (openIncident /
// publishPost: their transaction, audit event, guardrails, webhooks), with the commander's edits.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import { openIncident, publishPost, type PublishOptions, type PublishOutcome } from "@/lib/incidents/publish";
import type { OpenIncidentInput, PostUpdateInput } from "@/lib/validation/incidents";
import type { DraftEdits } from "@/lib/validation/integrations";
import type { ComponentState } from "@/lib/timeline/types";

export interface AlertEvidence {
  id: number;
  fingerprint: string;
  status: "firing" | "resolved";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  endsAt: Date | null;
  /** The graph or monitor that raised it; shown as a link, never fetched. */
  generatorUrl: string | null;
  lastSeenAt: Date;
  integrationName: string;
}

export type DraftStateChange = { componentId: number; state: Exclude<ComponentState, "blue"> };

export interface DraftView {
  id: number;
  kind: "open_incident" | "post";
  status: "open" | "confirmed" | "dismissed";
  title: string;
  body: string;
  postType: "investigating" | "resolved";
  stateChanges: DraftStateChange[];
  /** Collects the alerts of many groups: integrations opened too much at once. */
  storm: boolean;
  createdAt: Date;
  updatedAt: Date;
  integration: { id: number; name: string; kind: string } | null;
  /** A post draft's incident, or the incident a confirmed opening draft opened. */
  incident: { id: number; number: number; title: string } | null;
  /** The evidence: the draft's alerts, or for a post draft every alert of its incident. */
  alerts: AlertEvidence[];
  /** What the preview must say before a Resolved goes out. */
  stillFiring: AlertEvidence[];
}

const alertFields = {
  id: true,
  fingerprint: true,
  status: true,
  labels: true,
  annotations: true,
  startsAt: true,
  endsAt: true,
  generatorUrl: true,
  lastSeenAt: true,
  incidentId: true,
  draftId: true,
  integration: { select: { name: true } },
} as const;

const draftInclude = {
  integration: { select: { id: true, name: true, kind: true } },
  incident: { select: { id: true, number: true, title: true } },
  alerts: { select: alertFields, orderBy: { id: "asc" } },
} as const;

type AlertRow = {
  id: number;
  fingerprint: string;
  status: "firing" | "resolved";
  labels: unknown;
  annotations: unknown;
  startsAt: Date;
  endsAt: Date | null;
  generatorUrl: string | null;
  lastSeenAt: Date;
  integration: { name: string };
};

export function evidenceOf({ integration, labels, annotations, ...row }: AlertRow): AlertEvidence {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    status: row.status,
    labels: labels as Record<string, string>,
    annotations: annotations as Record<string, string>,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    generatorUrl: row.generatorUrl,
    lastSeenAt: row.lastSeenAt,
    integrationName: integration.name,
  };
}

/** Open drafts, newest first, each with its evidence and the alerts still firing. */
export async function listOpenDrafts(db: Db): Promise<DraftView[]> {
  const rows = await db.alertDraft.findMany({ where: { status: "open" }, include: draftInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return Promise.all(rows.map((row) => draftView(db, row)));
}

export async function loadDraft(db: Db, draftId: number): Promise<DraftView | null> {
  const row = await db.alertDraft.findUnique({ where: { id: draftId }, include: draftInclude });
  return row ? draftView(db, row) : null;
}

type DraftRow = NonNullable<Awaited<ReturnType<Db["alertDraft"]["findUnique"]>>> & {
  integration: { id: number; name: string; kind: string } | null;
  incident: { id: number; number: number; title: string } | null;
  alerts: AlertRow[];
};

async function draftView(db: Db, row: DraftRow): Promise<DraftView> {
  const alertRows =
    row.kind === "post" && row.incidentId !== null
      ? await db.alert.findMany({ where: { incidentId: row.incidentId }, select: alertFields, orderBy: { id: "asc" } })
      : row.alerts;
  const alerts = alertRows.map(evidenceOf);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    body: row.body,
    postType: row.postType === "resolved" ? "resolved" : "investigating",
    stateChanges: row.componentStates as DraftStateChange[],
    storm: row.storm,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    integration: row.integration,
    incident: row.incident,
    alerts,
    stillFiring: alerts.filter((alert) => alert.status === "firing"),
  };
}

/** The publish input a draft stands for, with the commander's edits: for previewPublish and confirmDraft alike. */
export function draftPublishInput(
  draft: Pick<DraftView, "id" | "kind" | "title" | "body" | "postType" | "stateChanges" | "incident">,
  edits: DraftEdits = {},
): OpenIncidentInput | PostUpdateInput {
  const stateChanges = edits.stateChanges ?? draft.stateChanges;
  const common = { body: edits.body ?? draft.body, stateChanges, idempotencyKey: `alert-draft-${draft.id}` };
  if (draft.kind === "post") {
    if (!draft.incident) throw new InputError("form", "The incident of this draft no longer exists; dismiss it.");
    return { incidentNumber: draft.incident.number, type: draft.postType, ...common };
  }
  return { title: edits.title ?? draft.title, componentIds: [...new Set(stateChanges.map((change) => change.componentId))], type: "investigating", ...common };
}

/**
 * Publishes the draft (with the commander's edits) through the publish use-case and marks it
 * confirmed; its alerts then belong to the incident. The draft is claimed first, so two commanders
 * confirming at once publish once; a publish that needs confirmation or fails gives the claim back.
 */
export async function confirmDraft(db: Db, actor: Actor | null, draftId: number, edits: DraftEdits, options: PublishOptions): Promise<PublishOutcome> {
  const commander = authorize(actor, "commander");
  const draft = await loadDraft(db, draftId);
  if (!draft) throw new InputError("form", "This draft no longer exists.");
  if (draft.status !== "open") throw new InputError("form", `This draft was already ${draft.status}.`);
  const input = draftPublishInput(draft, edits);
  const claimed = await db.alertDraft.updateMany({
    where: { id: draftId, status: "open" },
    data: { status: "confirmed", decidedAt: options.now, decidedById: commander.userId, decidedByLabel: commander.label },
  });
  if (claimed.count === 0) throw new InputError("form", "Someone else decided on this draft meanwhile.");
  let outcome: PublishOutcome | null = null;
  try {
    outcome = "incidentNumber" in input ? await publishPost(db, commander, input, options) : await openIncident(db, commander, input, options);
  } finally {
    if (outcome?.status !== "published") {
      await db.alertDraft.update({ where: { id: draftId }, data: { status: "open", decidedAt: null, decidedById: null, decidedByLabel: null } });
    }
  }
  if (outcome.status === "published") await markPublished(db, commander, draftId, outcome.incidentNumber);
  return outcome;
}

/** After the publish: the draft names its incident, and its alerts follow it there. */
export async function markPublished(db: Db, actor: Pick<Actor, "userId" | "label" | "ip">, draftId: number, incidentNumber: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const incident = await tx.incident.findUniqueOrThrow({ where: { number: incidentNumber }, select: { id: true } });
    await tx.alertDraft.update({ where: { id: draftId }, data: { status: "confirmed", incidentId: incident.id } });
    await tx.alert.updateMany({ where: { draftId }, data: { incidentId: incident.id, draftId: null } });
    await recordAudit(tx, { actor, action: "alert_draft.confirm", targetType: "alert_draft", targetId: draftId, after: { incidentNumber } });
  });
}

/** Nothing is published; its alerts stay linked to it, so they propose again only once they resolve and fire anew. */
export async function dismissDraft(db: Db, actor: Actor | null, draftId: number, now: Date): Promise<void> {
  const commander = authorize(actor, "commander");
  await db.$transaction(async (tx) => {
    const dismissed = await tx.alertDraft.updateMany({
      where: { id: draftId, status: "open" },
      data: { status: "dismissed", decidedAt: now, decidedById: commander.userId, decidedByLabel: commander.label },
    });
    if (dismissed.count === 0) throw new InputError("form", "This draft is no longer open.");
    await recordAudit(tx, { actor: commander, action: "alert_draft.dismiss", targetType: "alert_draft", targetId: draftId });
  });
}
