// Writes that land once: a retried or double-submitted form replays the first result (idempotency
// key), and two writes racing for the same new incident number retry with the next one.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { isUniqueViolation } from "./errors";

export interface Landed {
  status: "published";
  incidentNumber: number;
  postId: number;
  replayed: boolean;
}

/**
 * The key as stored: `<actor>:<write>:<hash of the key>`. A key is only ever the same request again
 * when the same user or token sends it for the same write; another commander's or token's key, or
 * the same key for another incident, must never replay someone else's post.
 */
export function scopedIdempotencyKey(actor: Actor & { tokenId?: number }, write: string, key: string | undefined): string | undefined {
  if (!key) return undefined;
  const who = actor.tokenId !== undefined ? `token:${actor.tokenId}` : actor.userId !== null ? `user:${actor.userId}` : actor.label;
  return `${who}:${write}:${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}

/** The earlier result of a write that used this idempotency key, if any. */
export async function replayOf(db: Db, idempotencyKey: string | undefined): Promise<Landed | null> {
  if (!idempotencyKey) return null;
  const post = await db.post.findUnique({ where: { idempotencyKey }, select: { id: true, incident: { select: { number: true } } } });
  return post ? { status: "published", incidentNumber: post.incident.number, postId: post.id, replayed: true } : null;
}

/** Runs `attempt` (which replays or writes in one transaction), again when it lost a race. */
export async function retryOnRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      // A concurrent write took the same idempotency key (the retry replays its result) or the same
      // new incident number (the retry takes the next one).
      const raced = isUniqueViolation(error, "idempotencyKey") || isUniqueViolation(error, "number");
      if (!raced || tries === 3) throw error;
    }
  }
}

export async function nextIncidentNumber(tx: Tx): Promise<number> {
  const last = await tx.incident.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}
