// The postmortem use-cases, one path each for every caller: start from the template, save the draft,
// move it between draft and review, publish (confirming the exact text customers will read), and the
// action items. Commanders (and admins) only: each checks the role itself and writes one audit event
// in its transaction. Publishing also queues the `postmortem.published` webhooks there and refreshes
// the public side once committed.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma-sqlite/client";
import { recordAudit } from "@/lib/audit/log";
import { type Actor, authorize } from "@/lib/auth/roles";
import type { Db, Tx } from "@/lib/db/client";
import { loadPublicComponents, loadPublicIncident } from "@/lib/db/public-read";
import { InputError } from "@/lib/errors/input-error";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { MAX_BODY_LENGTH } from "@/lib/text/markdown";
import type { ActionItemInput, SavePostmortemInput } from "@/lib/validation/postmortems";
import { enqueuePostmortemWebhooks } from "@/lib/webhooks/outbox";
import { enqueuePostmortemMail } from "@/lib/mail/outbox";
import { wakeWebhookDispatcher } from "@/lib/webhooks/wake";
import { postmortemPublicText } from "@/lib/postmortems/public-text";
import { type AdminPostmortem, loadInternalEvents, loadPostmortemForAdmin } from "@/lib/postmortems/queries";
import { canMove, canPublish } from "@/lib/postmortems/states";
import { draftFromTemplate } from "@/lib/postmortems/template";
import type { PostmortemState } from "@/lib/postmortems/types";

const audit = (tx: Tx, actor: Actor, action: string, incidentNumber: number, after: Prisma.InputJsonValue = {}) =>
  recordAudit(tx, { actor, action, targetType: "postmortem", targetId: incidentNumber, after: { incidentNumber, ...(after as object) } });

async function postmortemOf(tx: Db | Tx, incidentNumber: number): Promise<AdminPostmortem> {
  const postmortem = await loadPostmortemForAdmin(tx, incidentNumber);
  if (!postmortem) throw new InputError("form", `Incident #${incidentNumber} has no postmortem yet.`);
  return postmortem;
}

/** Drafts the incident's postmortem from the template; an existing one is left as it is. */
export async function startPostmortem(db: Db, actor: Actor | null, incidentNumber: number, now: Date): Promise<void> {
  const commander = authorize(actor, "commander");
  const [incident, components] = await Promise.all([loadPublicIncident(db, incidentNumber), loadPublicComponents(db)]);
  if (!incident) throw new InputError("incidentNumber", `There is no incident #${incidentNumber}.`);
  const draft = draftFromTemplate(incident, components, await loadInternalEvents(db, incident.id), now);
  await db.$transaction(async (tx) => {
    if (await tx.postmortem.findUnique({ where: { incidentId: incident.id }, select: { id: true } })) return;
    const { lines, ...sections } = draft;
    await tx.postmortem.create({
      data: {
        incidentId: incident.id,
        ...sections,
        authorId: commander.userId,
        authorLabel: commander.label,
        lines: { create: lines.map((line, position) => ({ ...line, position })) },
      },
    });
    await audit(tx, commander, "postmortem.create", incidentNumber);
  });
}

export async function savePostmortem(db: Db, actor: Actor | null, input: SavePostmortemInput): Promise<void> {
  const commander = authorize(actor, "commander");
  const { incidentNumber, keep, newLineText, newLineAt, ...sections } = input;
  if (newLineText && newLineAt === "") throw new InputError("newLineAt", "Say when it happened.");
  await db.$transaction(async (tx) => {
    const postmortem = await postmortemOf(tx, incidentNumber);
    const kept = new Set(keep);
    await tx.postmortem.update({ where: { id: postmortem.id }, data: sections });
    for (const line of postmortem.lines) {
      if (line.kept !== kept.has(line.id)) await tx.postmortemLine.update({ where: { id: line.id }, data: { kept: kept.has(line.id) } });
    }
    if (newLineText && newLineAt instanceof Date) {
      await tx.postmortemLine.create({
        data: { postmortemId: postmortem.id, at: newLineAt, text: newLineText, source: "manual", kept: true, position: postmortem.lines.length },
      });
    }
    await audit(tx, commander, "postmortem.edit", incidentNumber);
  });
}

export async function movePostmortem(db: Db, actor: Actor | null, input: { incidentNumber: number; to: Exclude<PostmortemState, "published"> }): Promise<void> {
  const commander = authorize(actor, "commander");
  await db.$transaction(async (tx) => {
    const postmortem = await postmortemOf(tx, input.incidentNumber);
    if (!canMove(postmortem.state, input.to))
      throw new InputError("form", `A postmortem that is ${postmortem.state.replace("_", " ")} cannot move to ${input.to.replace("_", " ")}.`);
    await tx.postmortem.update({ where: { id: postmortem.id }, data: { state: input.to } });
    await audit(tx, commander, "postmortem.move", input.incidentNumber, { from: postmortem.state, to: input.to });
  });
}

/** The Markdown customers would read if the draft were published now. */
export function publicTextOf(postmortem: AdminPostmortem): string {
  return postmortemPublicText({
    sections: postmortem,
    lines: postmortem.lines,
    actionItems: postmortem.actionItems.map((item) => ({ title: item.title, status: item.status })),
  });
}

export const textHash = (text: string) => createHash("sha256").update(text).digest("hex");

export interface PostmortemPreview {
  text: string;
  hash: string;
  /** What the new text replaces for customers; null on first publication. */
  replaces: string | null;
}

/** What publishing would show: refuses a draft, an empty text and one too long for the public renderer. */
export function previewPostmortem(postmortem: AdminPostmortem): PostmortemPreview {
  if (!canPublish(postmortem.state)) throw new InputError("form", "Move the postmortem to review before publishing it.");
  const text = publicTextOf(postmortem);
  if (!postmortem.summary.trim()) throw new InputError("summary", "Write the summary customers will read first.");
  if (text.length > MAX_BODY_LENGTH)
    throw new InputError(
      "form",
      `The published text would be ${text.length.toLocaleString("en-US")} characters; keep it under ${MAX_BODY_LENGTH.toLocaleString("en-US")}.`,
    );
  return { text, hash: textHash(text), replaces: postmortem.publishedBody };
}

export type PostmortemPublishOutcome = { status: "published" } | { status: "needs-confirmation"; preview: PostmortemPreview };

/**
 * Publishes exactly the text the commander confirmed: if the draft (or anything it quotes) changed
 * since the preview, nothing is published and the new preview comes back.
 */
export async function publishPostmortem(
  db: Db,
  actor: Actor | null,
  input: { incidentNumber: number; confirmedHash: string },
  now: Date,
): Promise<PostmortemPublishOutcome> {
  const commander = authorize(actor, "commander");
  const outcome = await db.$transaction(async (tx): Promise<PostmortemPublishOutcome> => {
    const postmortem = await postmortemOf(tx, input.incidentNumber);
    const preview = previewPostmortem(postmortem);
    if (preview.hash !== input.confirmedHash) return { status: "needs-confirmation", preview };
    await tx.postmortem.update({
      where: { id: postmortem.id },
      data: { state: "published", publishedBody: preview.text, publishedAt: now, publishedById: commander.userId, publishedByLabel: commander.label },
    });
    await audit(tx, commander, "postmortem.publish", input.incidentNumber, { republished: postmortem.publishedBody !== null, textHash: preview.hash });
    await enqueuePostmortemWebhooks(tx, { incidentNumber: input.incidentNumber, now });
    if (postmortem.publishedBody === null) await enqueuePostmortemMail(tx, { incidentNumber: input.incidentNumber, now });
    return { status: "published" };
  });
  if (outcome.status === "published") {
    invalidatePublicViews();
    wakeWebhookDispatcher();
  }
  return outcome;
}

export async function addActionItem(db: Db, actor: Actor | null, input: ActionItemInput): Promise<void> {
  const commander = authorize(actor, "commander");
  await db.$transaction(async (tx) => {
    const postmortem = await postmortemOf(tx, input.incidentNumber);
    const item = await tx.actionItem.create({
      data: {
        incidentId: postmortem.incidentId,
        postmortemId: postmortem.id,
        title: input.title,
        owner: input.owner,
        dueAt: input.dueAt === "" ? null : input.dueAt,
        url: input.url === "" ? null : input.url,
      },
    });
    await audit(tx, commander, "action_item.create", input.incidentNumber, { actionItemId: item.id, title: item.title });
  });
}

export async function setActionItemStatus(db: Db, actor: Actor | null, input: { id: number; status: "open" | "done" }, now: Date): Promise<void> {
  const commander = authorize(actor, "commander");
  await db.$transaction(async (tx) => {
    const item = await tx.actionItem.findUnique({ where: { id: input.id }, include: { incident: { select: { number: true } } } });
    if (!item) throw new InputError("form", "That action item no longer exists.");
    if (item.status === input.status) return;
    await tx.actionItem.update({ where: { id: item.id }, data: { status: input.status, closedAt: input.status === "done" ? now : null } });
    await audit(tx, commander, "action_item.status", item.incident.number, { actionItemId: item.id, from: item.status, to: input.status });
  });
}
