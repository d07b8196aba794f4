// Editing and deleting published posts. Nothing a commander published is lost: an edit keeps the
// previous text as a PostRevision, a delete is soft (with a reason), and both are audited.
import type { Db, Tx } from "@/lib/db/client";
import { timelineWrite } from "@/lib/db/timeline-writes";
import { authorize, type Actor } from "@/lib/auth/roles";
import type { DeletePostInput, EditPostInput } from "@/lib/validation/incidents";
import { PublishError } from "./errors";
import { syncIncidentTimes } from "./current-state";
import { afterCommit, inTransaction } from "./published";

async function livePost(tx: Tx, postId: number) {
  const post = await tx.post.findFirst({ where: { id: postId, deletedAt: null }, include: { incident: { select: { number: true } } } });
  if (!post) throw new PublishError("postId", "That post does not exist or was deleted.");
  return post;
}

export async function editPost(db: Db, actor: Actor | null, input: EditPostInput, { now }: { now: Date }): Promise<{ incidentNumber: number }> {
  const editor = authorize(actor, "commander");
  const result = await timelineWrite(db, async (tx) => {
    const post = await livePost(tx, input.postId);
    if (post.body === input.body) throw new PublishError("body", "The text is unchanged.");
    await tx.postRevision.create({
      data: { postId: post.id, type: post.type, body: post.body, postedAt: post.postedAt, editedAt: now, editorId: editor.userId },
    });
    await tx.post.update({ where: { id: post.id }, data: { body: input.body, updatedAt: now } });
    await inTransaction(tx, {
      action: "post.edit",
      actor: editor,
      incidentNumber: post.incident.number,
      postId: post.id,
      now,
      before: { body: post.body },
      after: { body: input.body },
    });
    return { incidentNumber: post.incident.number };
  });
  afterCommit();
  return result;
}

/** The post leaves the public timeline (states, durations and resolvedAt follow); its row stays. */
export async function deletePost(db: Db, actor: Actor | null, input: DeletePostInput, { now }: { now: Date }): Promise<{ incidentNumber: number }> {
  const deleter = authorize(actor, "commander");
  const result = await timelineWrite(db, async (tx) => {
    const post = await livePost(tx, input.postId);
    if ((await tx.post.count({ where: { incidentId: post.incidentId, deletedAt: null } })) === 1) {
      throw new PublishError("postId", "This is the incident's only post; an incident needs at least one. Edit it instead.");
    }
    await tx.post.update({ where: { id: post.id }, data: { deletedAt: now, deletedReason: input.reason } });
    await syncIncidentTimes(tx, post.incident.number, now);
    await inTransaction(tx, {
      action: "post.delete",
      actor: deleter,
      incidentNumber: post.incident.number,
      postId: post.id,
      now,
      before: { type: post.type, body: post.body, postedAt: post.postedAt.toISOString() },
      after: { deleted: true, reason: input.reason },
    });
    return { incidentNumber: post.incident.number };
  });
  afterCommit();
  return result;
}
