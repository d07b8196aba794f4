// The one path for publishing: opening an incident and posting to one (Update, Resolved, …), used
// alike by the admin forms, the write API and the CLI. One transaction writes the incident, the
// post, its state changes, the affected-component links, the recomputed resolvedAt and the audit
// event; an idempotency key makes a retried publish land once and return the first result.
import type { Db, Tx } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/roles";
import { incidentState } from "@/lib/timeline";
import type { Confirmation, OpenIncidentInput, PostUpdateInput } from "@/lib/validation/incidents";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { assertKnownComponents, loadPublishContext, type PublishContext } from "./context";
import { advanceCurrentState, deriveMissingCurrentStates, syncIncidentTimes } from "./current-state";
import { PublishError } from "./errors";
import { publishImpact, type Impact, type ProposedPost } from "./impact";
import { nextIncidentNumber, replayOf, retryOnRace, scopedIdempotencyKey } from "./once";
import { afterCommit, inTransaction, overriddenWarnings } from "./published";

export type PublishOutcome =
  | { status: "published"; incidentNumber: number; postId: number; replayed: boolean; impact: Impact | null }
  | { status: "needs-confirmation"; reason: "unconfirmed" | "changed" | "warnings"; impact: Impact };

/** Options of every publishing use-case: posts and maintenance alike. */
export interface PublishOptions {
  now: Date;
  /** Forms always pass it: publish only the diff the commander saw. API and CLI callers may omit it. */
  confirmation?: Confirmation;
}

type Target = { kind: "open"; title: string; componentIds: number[] } | { kind: "post"; incidentNumber: number };

export function openIncident(db: Db, actor: Actor | null, input: OpenIncidentInput, options: PublishOptions): Promise<PublishOutcome> {
  return publish(db, actor, { kind: "open", title: input.title, componentIds: input.componentIds }, input, options);
}

export function publishPost(db: Db, actor: Actor | null, input: PostUpdateInput, options: PublishOptions): Promise<PublishOutcome> {
  return publish(db, actor, { kind: "post", incidentNumber: input.incidentNumber }, input, options);
}

/** The diff and warnings for a proposed post, without writing anything. */
export async function previewPublish(db: Db, input: OpenIncidentInput | PostUpdateInput, now: Date): Promise<Impact> {
  const target = targetOf(input);
  const context = await loadPublishContext(db, target.kind === "post" ? target.incidentNumber : null, now);
  return publishImpact({ ...context, proposed: proposedPost(target, input, context, now), now });
}

export function targetOf(input: OpenIncidentInput | PostUpdateInput): Target {
  return "incidentNumber" in input
    ? { kind: "post", incidentNumber: input.incidentNumber }
    : { kind: "open", title: input.title, componentIds: input.componentIds };
}

type PostFields = Pick<PostUpdateInput, "type" | "body" | "stateChanges" | "postedAt" | "idempotencyKey">;

async function publish(db: Db, actor: Actor | null, target: Target, input: PostFields, options: PublishOptions): Promise<PublishOutcome> {
  const author = authorize(actor, "commander");
  const idempotencyKey = scopedIdempotencyKey(author, target.kind === "open" ? "open" : `post:${target.incidentNumber}`, input.idempotencyKey);
  return retryOnRace(async () => {
    const replay = await replayOf(db, idempotencyKey);
    if (replay) return { ...replay, impact: null };
    const outcome = await timelineWrite(db, (tx) => publishInTransaction(tx, author, target, { ...input, idempotencyKey }, options));
    if (outcome.status === "published") afterCommit();
    return outcome;
  });
}

function proposedPost(target: Target, input: PostFields, context: PublishContext, now: Date): ProposedPost {
  if (input.postedAt && input.postedAt.getTime() > now.getTime()) {
    throw new PublishError("postedAt", "The time cannot be in the future. Leave it empty to post now.");
  }
  const componentIds = target.kind === "open" ? target.componentIds : [];
  assertKnownComponents(context, [...componentIds, ...input.stateChanges.map((c) => c.componentId)], target.kind === "open" ? "componentIds" : "stateChanges");
  return {
    type: input.type,
    body: input.body,
    title: target.kind === "open" ? target.title : undefined,
    postedAt: input.postedAt ?? now,
    backdated: input.postedAt !== undefined,
    stateChanges: input.stateChanges,
    componentIds,
  };
}

/** Why a confirmed write must be shown again: the diff changed since the preview, or its warnings were not acknowledged. */
export function confirmationProblem(impact: Impact, confirmation: Confirmation | undefined): "changed" | "warnings" | null {
  if (!confirmation) return null;
  if (confirmation.impactHash !== impact.hash) return "changed";
  if (impact.warnings.length > 0 && !confirmation.warningsAcknowledged) return "warnings";
  return null;
}

async function publishInTransaction(tx: Tx, actor: Actor, target: Target, input: PostFields, options: PublishOptions): Promise<PublishOutcome> {
  const { now } = options;
  await deriveMissingCurrentStates(tx, now);
  const context = await loadPublishContext(tx, target.kind === "post" ? target.incidentNumber : null, now);
  const proposed = proposedPost(target, input, context, now);
  const impact = publishImpact({ ...context, proposed, now });
  const problem = confirmationProblem(impact, options.confirmation);
  if (problem) return { status: "needs-confirmation", reason: problem, impact };

  const incident = context.incident
    ? { id: context.incident.id, number: context.incident.number }
    : await tx.incident.create({
        data: { number: await nextIncidentNumber(tx), title: proposed.title!, openedAt: proposed.postedAt },
        select: { id: true, number: true },
      });
  const post = await tx.post.create({
    data: {
      incidentId: incident.id,
      type: proposed.type,
      body: proposed.body,
      postedAt: proposed.postedAt,
      createdAt: now,
      authorId: actor.userId,
      authorName: actor.label,
      idempotencyKey: input.idempotencyKey,
      stateChanges: { create: proposed.stateChanges.map(({ componentId, state }) => ({ componentId, state })) },
    },
    select: { id: true },
  });
  const linked = new Set(context.incident?.componentIds ?? []);
  const newLinks = [...new Set([...proposed.componentIds, ...proposed.stateChanges.map((c) => c.componentId)])].filter((id) => !linked.has(id));
  if (newLinks.length > 0) await tx.incidentComponent.createMany({ data: newLinks.map((componentId) => ({ incidentId: incident.id, componentId })) });
  const before = context.incident ? incidentState(context.incident, now) : null;
  // A post at the end of the timeline moves the stored state on; one landing earlier (backdated) re-reads the incident.
  const after =
    context.incident && !proposed.backdated
      ? await advanceCurrentState(
          tx,
          context.incident,
          { id: post.id, type: proposed.type, postedAt: proposed.postedAt, createdAt: now, stateChanges: proposed.stateChanges },
          now,
        )
      : await syncIncidentTimes(tx, incident.number, now);

  await inTransaction(tx, {
    action: context.incident ? "post.publish" : "incident.open",
    actor,
    incidentNumber: incident.number,
    postId: post.id,
    now,
    componentChanges: impact.changes,
    overriddenWarnings: overriddenWarnings(impact, options.confirmation),
    before: { open: before?.open ?? false, components: Object.fromEntries(impact.changes.map((c) => [c.name, c.before])) },
    after: {
      open: after.open,
      components: Object.fromEntries(impact.changes.map((c) => [c.name, c.after])),
      post: { type: proposed.type, body: proposed.body, postedAt: proposed.postedAt.toISOString(), backdated: proposed.backdated },
    },
  });
  return { status: "published", incidentNumber: incident.number, postId: post.id, replayed: false, impact };
}
