// Writing the mail outbox: ONE MailJob row per event customers can see, inside the transaction that
// publishes it, however many subscribers there are — the dispatcher (dispatcher.ts) expands it into
// one MailDelivery per matching subscriber afterwards, so a publish costs the same with 100,000
// subscribers as with one. The row commits or rolls back with the post. Which events mail:
//   - a new post (opening an incident or updating it) and every maintenance change (scheduled,
//     extended, ended early, cancelled): yes;
//   - an edit or a deletion of a published post: no — a subscriber does not expect a mail for a
//     corrected typo, and the page shows the current text;
//   - a postmortem: its first publication only (re-publishing an edited one sends nothing);
//   - a maintenance window's reminder, start and end: written by maintenance-notices.ts.
// Nothing is written when mail is not configured or nobody is subscribed.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import { t } from "@/lib/i18n";
import { POST_TYPE_LABEL } from "@/lib/text/labels";
import type { ComponentState } from "@/lib/timeline/types";
import type { MailNotice, NoticeKind } from "./notice";

export interface MailChange {
  action: string;
  incidentNumber: number;
  postId: number;
  now: Date;
  componentChanges?: readonly { componentId: number; before: ComponentState; after: ComponentState }[];
}

const KIND_OF_ACTION: Record<string, NoticeKind> = {
  "incident.open": "post",
  "post.publish": "post",
  "maintenance.schedule": "maintenance_scheduled",
  "maintenance.extend": "maintenance_updated",
  "maintenance.end_early": "maintenance_ended",
  "maintenance.cancel": "maintenance_cancelled",
};

/** The English bracket of each notice kind but "post" (whose bracket is the post's type), from the catalog. */
export const NOTICE_LABEL = (kind: Exclude<NoticeKind, "post">): string => t("en", `mail.kind.${kind}`);

export const incidentUrl = (incidentNumber: number) => `${loadEnv().publicUrl}/incidents/${incidentNumber}`;

/** Mail is worth queueing: it is configured and someone could receive it. */
async function anyoneToMail(tx: Tx): Promise<boolean> {
  if (!loadEnv().mail) return false;
  return (await tx.subscriber.findFirst({ where: { status: "confirmed", paused: false }, select: { id: true } })) !== null;
}

/** The components a notice is about, with their parents: a subscriber who chose a system gets its sub-components' mail. */
async function withAncestors(tx: Tx, componentIds: readonly number[]): Promise<number[]> {
  const parentOf = new Map((await tx.component.findMany({ select: { id: true, parentId: true } })).map((c) => [c.id, c.parentId]));
  const ids = new Set<number>();
  for (const start of componentIds) {
    let id: number | null | undefined = start;
    while (id != null && !ids.has(id)) {
      ids.add(id);
      id = parentOf.get(id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Writes the job unless one exists for `eventKey` (a retried write, a clock that fired twice). Returns whether it wrote. */
export async function insertMailJob(tx: Tx, eventKey: string, notice: MailNotice, componentIds: readonly number[], now: Date): Promise<boolean> {
  if (await tx.mailJob.findUnique({ where: { eventKey }, select: { id: true } })) return false;
  await tx.mailJob.create({
    data: {
      eventKey,
      kind: notice.kind,
      maintenance: notice.kind !== "post" && notice.kind !== "postmortem",
      incidentNumber: notice.incidentNumber,
      payload: notice as unknown as Prisma.InputJsonValue,
      componentIds: await withAncestors(tx, componentIds),
      createdAt: now,
    },
  });
  return true;
}

/** Called by `inTransaction` (lib/incidents/published.ts) for every change to the public timeline. */
export async function enqueueMail(tx: Tx, change: MailChange): Promise<void> {
  const kind = KIND_OF_ACTION[change.action];
  if (!kind || !(await anyoneToMail(tx))) return;
  const post = await tx.post.findUniqueOrThrow({
    where: { id: change.postId },
    select: {
      type: true,
      body: true,
      incident: {
        select: {
          id: true,
          number: true,
          title: true,
          kind: true,
          components: { select: { componentId: true } },
          currentStates: { select: { componentId: true, state: true } },
        },
      },
    },
  });
  const { incident } = post;
  const noticeKind = kind === "post" && incident.kind === "maintenance" ? "maintenance_updated" : kind;
  // The impact lists every component; only those whose state the change moves are affected by it.
  const moved = (change.componentChanges ?? []).filter((c) => c.before !== c.after);
  const newState = new Map<number, ComponentState>(incident.currentStates.map((row) => [row.componentId, row.state]));
  for (const c of moved) newState.set(c.componentId, c.after);
  const componentIds = [...new Set([...incident.components.map((link) => link.componentId), ...moved.map((c) => c.componentId)])];
  const names = new Map((await tx.component.findMany({ where: { id: { in: componentIds } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  const components = componentIds.flatMap((id) => {
    const state = newState.get(id);
    const name = names.get(id);
    return state && name ? [{ name, state }] : [];
  });
  const notice: MailNotice = {
    kind: noticeKind,
    incidentNumber: incident.number,
    incidentTitle: incident.title,
    label: noticeKind === "post" ? POST_TYPE_LABEL[post.type] : NOTICE_LABEL(noticeKind),
    ...(noticeKind === "post" ? { postType: post.type } : {}),
    body: post.body,
    components,
    url: incidentUrl(incident.number),
    occurredAt: change.now.toISOString(),
    opensThread: change.action === "incident.open" || change.action === "maintenance.schedule",
  };
  await insertMailJob(tx, `post:${change.postId}`, notice, componentIds, change.now);
}

/** A postmortem's first publication, in the transaction that publishes it (lib/incidents/postmortems.ts). */
export async function enqueuePostmortemMail(tx: Tx, change: { incidentNumber: number; now: Date }): Promise<void> {
  if (!(await anyoneToMail(tx))) return;
  const incident = await tx.incident.findUniqueOrThrow({
    where: { number: change.incidentNumber },
    select: { number: true, title: true, components: { select: { componentId: true } }, postmortem: { select: { publishedBody: true } } },
  });
  if (incident.postmortem?.publishedBody == null) return;
  const notice: MailNotice = {
    kind: "postmortem",
    incidentNumber: incident.number,
    incidentTitle: incident.title,
    label: NOTICE_LABEL("postmortem"),
    body: incident.postmortem.publishedBody,
    components: [],
    url: `${incidentUrl(incident.number)}/postmortem`,
    occurredAt: change.now.toISOString(),
    opensThread: false,
  };
  await insertMailJob(
    tx,
    `postmortem:${incident.number}`,
    notice,
    incident.components.map((link) => link.componentId),
    change.now,
  );
}
