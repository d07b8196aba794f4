// Scheduled maintenance: the one path to announce, extend, end early or cancel a window, used by the
// admin forms, the write API and the CLI. Like a post (publish.ts), each change can be previewed
// (what customers will see, maintenance-impact.ts) and is published only if it still matches the
// confirmed preview; API and CLI callers may publish without one. The timeline core does the rest
// with no manual step: the components turn blue at the window start and it completes at the end.
//
// Incident.resolvedAt of a maintenance is set only by a Resolved post (ended early or cancelled), or
// when a write happens after the window has passed; a window that simply runs out leaves it null, and
// every "active" query also requires scheduledEndAt > now. Both say the same thing as the timeline.
import type { Db, Tx } from "@/lib/db/client";
import { loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { authorize, type Actor } from "@/lib/auth/roles";
import { maintenanceStatus } from "@/lib/timeline";
import { formatUtc } from "@/lib/text/format-time";
import type { CloseMaintenanceInput, ExtendMaintenanceInput, ScheduleMaintenanceInput } from "@/lib/validation/maintenance";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { assertKnownComponents, loadPublishContext } from "./context";
import { PublishError } from "./errors";
import type { Impact } from "./impact";
import { maintenanceImpact, type MaintenanceChange, type ScheduledMaintenance } from "./maintenance-impact";
import { nextIncidentNumber, replayOf, retryOnRace, scopedIdempotencyKey } from "./once";
import { deriveMissingCurrentStates, syncIncidentTimes } from "./current-state";
import { confirmationProblem, type PublishOptions, type PublishOutcome } from "./publish";
import { afterCommit, inTransaction, overriddenWarnings } from "./published";

/** One maintenance change as asked for by a form, the API or the CLI. */
export type MaintenanceRequest =
  | { action: "schedule"; input: ScheduleMaintenanceInput }
  | { action: "extend"; input: ExtendMaintenanceInput }
  | { action: "end_early" | "cancel"; input: CloseMaintenanceInput };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A maintenance with a `scheduled` post that sets its components blue for the window. */
export function scheduleMaintenance(db: Db, actor: Actor | null, input: ScheduleMaintenanceInput, options: PublishOptions): Promise<PublishOutcome> {
  return publishMaintenance(db, actor, { action: "schedule", input }, options);
}

/** A later end for an upcoming or running maintenance, announced with an Update post (customers and feeds see the new end). */
export function extendMaintenance(db: Db, actor: Actor | null, input: ExtendMaintenanceInput, options: PublishOptions): Promise<PublishOutcome> {
  return publishMaintenance(db, actor, { action: "extend", input }, options);
}

/** A running maintenance finishes now: a Resolved post returns its components to green. */
export function endMaintenanceEarly(db: Db, actor: Actor | null, input: CloseMaintenanceInput, options: PublishOptions): Promise<PublishOutcome> {
  return publishMaintenance(db, actor, { action: "end_early", input }, options);
}

/** An upcoming maintenance will not happen: a Resolved post before the window; nothing turns blue. */
export function cancelMaintenance(db: Db, actor: Actor | null, input: CloseMaintenanceInput, options: PublishOptions): Promise<PublishOutcome> {
  return publishMaintenance(db, actor, { action: "cancel", input }, options);
}

/** The diff and warnings for a maintenance change, without writing anything. */
export async function previewMaintenance(db: Db, request: MaintenanceRequest, now: Date): Promise<Impact> {
  return (await planMaintenance(db, request, now)).impact;
}

/** Any of the four changes: the one path the named use-cases above and the admin forms take. */
export async function publishMaintenance(db: Db, actor: Actor | null, request: MaintenanceRequest, options: PublishOptions): Promise<PublishOutcome> {
  const author = authorize(actor, "commander");
  const idempotencyKey = request.action === "schedule" ? scopedIdempotencyKey(author, "maintenance", request.input.idempotencyKey) : undefined;
  return retryOnRace(async () => {
    const replay = await replayOf(db, idempotencyKey);
    if (replay) return { ...replay, impact: null };
    const outcome = await timelineWrite(db, async (tx): Promise<PublishOutcome> => {
      await deriveMissingCurrentStates(tx, options.now);
      const { change, impact } = await planMaintenance(tx, request, options.now);
      const problem = confirmationProblem(impact, options.confirmation);
      if (problem) return { status: "needs-confirmation", reason: problem, impact };
      const written = { now: options.now, idempotencyKey, overriddenWarnings: overriddenWarnings(impact, options.confirmation) };
      const { incidentNumber, postId } = await writeChange(tx, author, change, impact, written);
      return { status: "published", incidentNumber, postId, replayed: false, impact };
    });
    if (outcome.status === "published") afterCommit();
    return outcome;
  });
}

/** Reads what the change is made on (inside the write's transaction), refuses what cannot be done, and computes the impact. */
async function planMaintenance(tx: Tx, request: MaintenanceRequest, now: Date): Promise<{ change: MaintenanceChange; impact: Impact }> {
  const context = await loadPublishContext(tx, null, now);
  let change: MaintenanceChange;
  if (request.action === "schedule") {
    const { input } = request;
    if (input.endsAt.getTime() <= now.getTime()) throw new PublishError("endsAt", "The window must end in the future.");
    assertKnownComponents(context, input.componentIds, "componentIds");
    change = {
      action: "schedule",
      title: input.title,
      componentIds: [...new Set(input.componentIds)],
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      body: input.body,
    };
  } else {
    const maintenance = await unfinishedMaintenance(tx, request.input.incidentNumber, now);
    if (request.action === "extend") {
      const { endsAt } = request.input;
      if (endsAt.getTime() <= Math.max(maintenance.scheduledEndAt.getTime(), now.getTime())) {
        throw new PublishError("endsAt", "The new end must be later than the current end and in the future. To finish sooner, end it early.");
      }
      change = { action: "extend", maintenance, endsAt, body: request.input.body || `The maintenance window has been extended until ${formatUtc(endsAt)}.` };
    } else {
      const expected = request.action === "cancel" ? "upcoming" : "in_progress";
      if (maintenanceStatus(maintenance, now) !== expected) throw new PublishError("incidentNumber", CLOSE_REFUSED[expected]);
      change = { action: request.action, maintenance, body: request.input.body };
    }
  }
  return { change, impact: maintenanceImpact({ ...context, change, now }) };
}

const CLOSE_REFUSED: Record<"upcoming" | "in_progress", string> = {
  in_progress: "This maintenance has not started yet. Cancel it instead.",
  upcoming: "This maintenance has already started. End it early instead.",
};

interface Written {
  now: Date;
  idempotencyKey: string | undefined;
  overriddenWarnings: string[];
}

async function writeChange(tx: Tx, author: Actor, change: MaintenanceChange, impact: Impact, { now, idempotencyKey, overriddenWarnings }: Written) {
  if (change.action === "schedule") {
    const incident = await tx.incident.create({
      data: {
        number: await nextIncidentNumber(tx),
        title: change.title,
        kind: "maintenance",
        openedAt: now,
        scheduledStartAt: change.startsAt,
        scheduledEndAt: change.endsAt,
        components: { create: change.componentIds.map((componentId) => ({ componentId })) },
      },
    });
    const post = await tx.post.create({
      data: {
        incidentId: incident.id,
        type: "scheduled",
        body: change.body,
        postedAt: now,
        createdAt: now,
        authorId: author.userId,
        authorName: author.label,
        idempotencyKey,
        stateChanges: { create: change.componentIds.map((componentId) => ({ componentId, state: "blue" as const })) },
      },
    });
    await syncIncidentTimes(tx, incident.number, now);
    const after = { title: change.title, componentIds: change.componentIds, startsAt: iso(change.startsAt), endsAt: iso(change.endsAt), body: change.body };
    await inTransaction(tx, {
      action: "maintenance.schedule",
      actor: author,
      incidentNumber: incident.number,
      postId: post.id,
      now,
      before: { exists: false },
      after,
      overriddenWarnings,
    });
    return { incidentNumber: incident.number, postId: post.id };
  }

  const { maintenance } = change;
  if (change.action === "extend") await tx.incident.update({ where: { id: maintenance.id }, data: { scheduledEndAt: change.endsAt } });
  const post = await tx.post.create({
    data: {
      incidentId: maintenance.id,
      type: impact.post.type,
      body: change.body,
      postedAt: now,
      createdAt: now,
      authorId: author.userId,
      authorName: author.label,
    },
    select: { id: true },
  });
  await syncIncidentTimes(tx, maintenance.number, now);
  const audit =
    change.action === "extend"
      ? { action: "maintenance.extend" as const, before: { endsAt: iso(maintenance.scheduledEndAt) }, after: { endsAt: iso(change.endsAt), body: change.body } }
      : {
          action: change.action === "cancel" ? ("maintenance.cancel" as const) : ("maintenance.end_early" as const),
          before: { status: change.action === "cancel" ? "upcoming" : "in_progress", endsAt: iso(maintenance.scheduledEndAt) },
          after: { status: "completed", endedAt: now.toISOString(), body: change.body },
        };
  await inTransaction(tx, { ...audit, actor: author, incidentNumber: maintenance.number, postId: post.id, now, overriddenWarnings });
  return { incidentNumber: maintenance.number, postId: post.id };
}

async function unfinishedMaintenance(tx: Tx, number: number, now: Date): Promise<ScheduledMaintenance> {
  const incident = await loadIncidentByNumber(tx, number);
  if (incident?.kind !== "maintenance" || !incident.scheduledStartAt || !incident.scheduledEndAt)
    throw new PublishError("incidentNumber", `There is no maintenance #${number}.`);
  if (maintenanceStatus(incident, now) === "completed") throw new PublishError("incidentNumber", "This maintenance has already completed.");
  return { ...incident, scheduledStartAt: incident.scheduledStartAt, scheduledEndAt: incident.scheduledEndAt };
}
