// The commanders' own lines on an incident: notes, links, and who commands it. Commanders and admins
// write them (viewers read); each is one transaction with its audit event.
import type { Db, Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, hasRole, type Actor } from "@/lib/auth/roles";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { InputError } from "@/lib/errors/input-error";
import type { AddLinkInput, AddNoteInput, HandOffCommandInput, TakeCommandInput } from "@/lib/validation/incident-timeline";
import { personLabel, writeInternalEntry } from "./entries";

interface When {
  now: Date;
}

/** The incident an internal line is written on; a deleted or unknown one is the person's mistake. */
export async function incidentForInternalWrite(tx: Tx, number: number) {
  const incident = await tx.incident.findFirst({ where: { number, deletedAt: null }, select: { id: true, number: true, commanderId: true } });
  if (!incident) throw new InputError("incidentNumber", `There is no incident #${number}.`);
  return incident;
}

export async function addNote(db: Db, actor: Actor | null, input: AddNoteInput, { now }: When): Promise<{ entryId: number }> {
  const author = authorize(actor, "commander");
  return db.$transaction(async (tx) => {
    const incident = await incidentForInternalWrite(tx, input.incidentNumber);
    const entry = await writeInternalEntry(tx, { incidentId: incident.id, kind: "note", occurredAt: now, author, body: input.body });
    await recordAudit(tx, { actor: author, action: "incident.note", targetType: "incident", targetId: incident.number, after: { entryId: entry.id } });
    return { entryId: entry.id };
  });
}

export async function addLink(db: Db, actor: Actor | null, input: AddLinkInput, { now }: When): Promise<{ entryId: number }> {
  const author = authorize(actor, "commander");
  return db.$transaction(async (tx) => {
    const incident = await incidentForInternalWrite(tx, input.incidentNumber);
    const entry = await writeInternalEntry(tx, { incidentId: incident.id, kind: "link", occurredAt: now, author, linkTitle: input.title, linkUrl: input.url });
    await recordAudit(tx, { actor: author, action: "incident.link", targetType: "incident", targetId: incident.number, after: { entryId: entry.id } });
    return { entryId: entry.id };
  });
}

/** The signed-in commander takes command (from whoever had it). */
export async function takeCommand(db: Db, actor: Actor | null, input: TakeCommandInput, when: When): Promise<{ commander: string }> {
  const taker = authorize(actor, "commander");
  if (taker.userId === null) throw new InputError("form", "Only a signed-in person can take command.");
  return passCommand(db, taker, input.incidentNumber, taker.userId, when);
}

/** Command passes to another commander or admin. */
export async function handOffCommand(db: Db, actor: Actor | null, input: HandOffCommandInput, when: When): Promise<{ commander: string }> {
  return passCommand(db, authorize(actor, "commander"), input.incidentNumber, input.toUserId, when);
}

async function passCommand(db: Db, actor: Actor, incidentNumber: number, toUserId: number, { now }: When): Promise<{ commander: string }> {
  // In the timeline-write queue: two people taking command at once each see the other's handoff.
  return timelineWrite(db, async (tx) => {
    const incident = await incidentForInternalWrite(tx, incidentNumber);
    const to = await tx.user.findUnique({ where: { id: toUserId }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
    if (!to || to.disabledAt || !hasRole(to.role, "commander")) throw new InputError("toUserId", "Command can pass only to an active commander or admin.");
    if (incident.commanderId === to.id) throw new InputError("toUserId", `${personLabel(to)} already commands this incident.`);
    await tx.incident.update({ where: { id: incident.id }, data: { commanderId: to.id } });
    await writeInternalEntry(tx, {
      incidentId: incident.id,
      kind: "handoff",
      occurredAt: now,
      author: actor,
      fromUserId: incident.commanderId,
      toUserId: to.id,
    });
    await recordAudit(tx, {
      actor,
      action: "incident.command",
      targetType: "incident",
      targetId: incident.number,
      before: { commanderId: incident.commanderId },
      after: { commanderId: to.id },
    });
    return { commander: personLabel(to) };
  });
}

/** Who commands each of these incidents, by incident id (incidents nobody commands are absent). */
export async function commandersOf(db: Tx, incidentIds: readonly number[]): Promise<Map<number, string>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db.incident.findMany({
    where: { id: { in: [...incidentIds] }, commanderId: { not: null } },
    select: { id: true, commander: { select: { email: true, name: true } } },
  });
  return new Map(rows.flatMap((row) => (row.commander ? [[row.id, personLabel(row.commander)] as const] : [])));
}

/** People command can pass to: active commanders and admins. */
export async function commandCandidates(db: Db): Promise<{ id: number; label: string }[]> {
  const users = await db.user.findMany({
    where: { disabledAt: null, role: { in: ["commander", "admin"] } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true },
  });
  return users.map((user) => ({ id: user.id, label: personLabel(user) }));
}
