// Database sessions. The cookie carries a random token; the database keeps only its SHA-256, so a
// leaked database cannot be replayed as cookies. A session ends at its absolute expiry, after an
// idle period, at sign-out, or when the user is disabled.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import { DAY_MS, HOUR_MS } from "@/lib/timeline/dates";

export const SESSION_COOKIE = "beacon_session";
export const SESSION_LIFETIME_MS = 7 * DAY_MS;
export const SESSION_IDLE_MS = 12 * HOUR_MS;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/** Returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Tx, userId: number, meta: RequestMeta, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      ip: meta.ip,
      userAgent: meta.userAgent.slice(0, 300),
    },
  });
  return token;
}

export interface SessionUser {
  sessionId: string;
  userId: number;
  email: string;
  name: string;
  role: Role;
}

/** The live session's user, sliding its idle timeout; null when absent, expired, idle or disabled. */
export async function findSession(db: Db, token: string | undefined, now: Date): Promise<SessionUser | null> {
  if (!token) return null;
  const id = hashToken(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session) return null;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (session.expiresAt <= now || idle || session.user.disabledAt) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { sessionId: id, userId: user.id, email: user.email, name: user.name, role: user.role };
}

export async function endSession(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const session = await findSession(db, token, now);
  await db.session.deleteMany({ where: { id: hashToken(token) } });
  return session;
}

export function actorOf(user: SessionUser, ip: string): Actor {
  return { userId: user.userId, label: user.email, role: user.role, ip };
}
