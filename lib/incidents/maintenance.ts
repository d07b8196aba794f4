// Scheduled maintenance: the one path to announce, extend, end early or cancel a window, used by the
// admin forms (and the write API and CLI). The timeline core does the rest with no manual step: the
// components turn blue at the window start and the maintenance completes at the window end.
//
// Incident.resolvedAt of a maintenance is set only by a Resolved post (ended early or cancelled), or
// when a write happens after the window has passed; a window that simply runs out leaves it null, and
// every "active" query also requires scheduledEndAt > now. Both say the same thing as the timeline.
import type { Db, Tx } from "@/lib/db/client";
import { loadComponents, loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { authorize, type Actor } from "@/lib/auth/roles";
import { maintenanceStatus } from "@/lib/timeline";
import { formatUtc } from "@/lib/format-time";
import type { TimelineIncident } from "@/lib/timeline/types";
import type { CloseMaintenanceInput, ExtendMaintenanceInput, ScheduleMaintenanceInput } from "@/lib/validation/maintenance";
import { PublishError } from "./errors";
import { nextIncidentNumber, replayOf, retryOnRace, type Landed } from "./once";
import { syncIncidentTimes } from "./publish";
import { afterCommit, inTransaction } from "./published";

interface Options {
  now: Date;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A maintenance with a `scheduled` post that sets its components blue for the window. */
export async function scheduleMaintenance(db: Db, actor: Actor | null, input: ScheduleMaintenanceInput, { now }: Options): Promise<Landed> {
  const author = authorize(actor, "commander");
  if (input.endsAt.getTime() <= now.getTime()) throw new PublishError("endsAt", "The window must end in the future.");
  return retryOnRace(async () => {
    const replay = await replayOf(db, input.idempotencyKey);
    if (replay) return replay;
    const landed = await db.$transaction(async (tx) => {
      const known = new Set((await loadComponents(tx)).map((component) => component.id));
      const unknown = input.componentIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new PublishError("componentIds", `Unknown component: ${unknown.join(", ")}. Reload the page.`);
      const componentIds = [...new Set(input.componentIds)];
      const incident = await tx.incident.create({
        data: {
          number: await nextIncidentNumber(tx),
          title: input.title,
          kind: "maintenance",
          openedAt: now,
          scheduledStartAt: input.startsAt,
          scheduledEndAt: input.endsAt,
          components: { create: componentIds.map((componentId) => ({ componentId })) },
        },
      });
      const post = await tx.post.create({
        data: {
          incidentId: incident.id,
          type: "scheduled",
          body: input.body,
          postedAt: now,
          createdAt: now,
          authorId: author.userId,
          authorName: author.label,
          idempotencyKey: input.idempotencyKey,
          stateChanges: { create: componentIds.map((componentId) => ({ componentId, state: "blue" as const })) },
        },
      });
      await syncIncidentTimes(tx, incident.number, now);
      await inTransaction(tx, {
        action: "maintenance.schedule",
        actor: author,
        incidentNumber: incident.number,
        postId: post.id,
        now,
        before: { exists: false },
        after: { title: input.title, componentIds, startsAt: iso(input.startsAt), endsAt: iso(input.endsAt), body: input.body },
      });
      return { status: "published" as const, incidentNumber: incident.number, postId: post.id, replayed: false };
    });
    afterCommit();
    return landed;
  });
}

/** A later end for an upcoming or running maintenance, announced with an Update post (customers and feeds see the new end). */
export async function extendMaintenance(db: Db, actor: Actor | null, input: ExtendMaintenanceInput, { now }: Options): Promise<{ incidentNumber: number }> {
  const author = authorize(actor, "commander");
  const result = await db.$transaction(async (tx) => {
    const maintenance = await unfinishedMaintenance(tx, input.incidentNumber, now);
    const previousEnd = maintenance.scheduledEndAt!;
    if (input.endsAt.getTime() <= Math.max(previousEnd.getTime(), now.getTime())) {
      throw new PublishError("endsAt", "The new end must be later than the current end and in the future. To finish sooner, end it early.");
    }
    await tx.incident.update({ where: { id: maintenance.id }, data: { scheduledEndAt: input.endsAt } });
    const body = input.body || `The maintenance window has been extended until ${formatUtc(input.endsAt)}.`;
    const post = await createPost(tx, maintenance.id, author, "update", body, now);
    await syncIncidentTimes(tx, maintenance.number, now);
    await inTransaction(tx, {
      action: "maintenance.extend",
      actor: author,
      incidentNumber: maintenance.number,
      postId: post.id,
      now,
      before: { endsAt: iso(previousEnd) },
      after: { endsAt: iso(input.endsAt), body },
    });
    return { incidentNumber: maintenance.number };
  });
  afterCommit();
  return result;
}

/** A running maintenance finishes now: a Resolved post returns its components to green. */
export function endMaintenanceEarly(db: Db, actor: Actor | null, input: CloseMaintenanceInput, options: Options): Promise<{ incidentNumber: number }> {
  return closeMaintenance(db, actor, input, options, "in_progress");
}

/** An upcoming maintenance will not happen: a Resolved post before the window; nothing turns blue. */
export function cancelMaintenance(db: Db, actor: Actor | null, input: CloseMaintenanceInput, options: Options): Promise<{ incidentNumber: number }> {
  return closeMaintenance(db, actor, input, options, "upcoming");
}

const CLOSE_REFUSED: Record<"upcoming" | "in_progress", string> = {
  in_progress: "This maintenance has not started yet. Cancel it instead.",
  upcoming: "This maintenance has already started. End it early instead.",
};

async function closeMaintenance(db: Db, actor: Actor | null, input: CloseMaintenanceInput, { now }: Options, expected: "upcoming" | "in_progress") {
  const author = authorize(actor, "commander");
  const result = await db.$transaction(async (tx) => {
    const maintenance = await unfinishedMaintenance(tx, input.incidentNumber, now);
    if (maintenanceStatus(maintenance, now) !== expected) throw new PublishError("incidentNumber", CLOSE_REFUSED[expected]);
    const post = await createPost(tx, maintenance.id, author, "resolved", input.body, now);
    await syncIncidentTimes(tx, maintenance.number, now);
    await inTransaction(tx, {
      action: expected === "upcoming" ? "maintenance.cancel" : "maintenance.end_early",
      actor: author,
      incidentNumber: maintenance.number,
      postId: post.id,
      now,
      before: { status: expected, endsAt: iso(maintenance.scheduledEndAt) },
      after: { status: "completed", endedAt: now.toISOString(), body: input.body },
    });
    return { incidentNumber: maintenance.number };
  });
  afterCommit();
  return result;
}

async function unfinishedMaintenance(tx: Tx, number: number, now: Date): Promise<TimelineIncident & { scheduledEndAt: Date }> {
  const incident = await loadIncidentByNumber(tx, number);
  if (!incident || incident.kind !== "maintenance" || !incident.scheduledEndAt) throw new PublishError("incidentNumber", `There is no maintenance #${number}.`);
  if (maintenanceStatus(incident, now) === "completed") throw new PublishError("incidentNumber", "This maintenance has already completed.");
  return { ...incident, scheduledEndAt: incident.scheduledEndAt };
}

function createPost(tx: Tx, incidentId: number, author: Actor, type: "update" | "resolved", body: string, now: Date) {
  return tx.post.create({
    data: { incidentId, type, body, postedAt: now, createdAt: now, authorId: author.userId, authorName: author.label },
    select: { id: true },
  });
}
