// Writes that land once: a retried or double-submitted form replays the first result (idempotency
// key), and two writes racing for the same new incident number retry with the next one.
import type { Db, Tx } from "@/lib/db/client";
import { isUniqueViolation } from "./errors";

export interface Landed {
  status: "published";
  incidentNumber: number;
  postId: number;
  replayed: boolean;
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
