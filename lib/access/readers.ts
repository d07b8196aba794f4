// The ways a reader gets into a private site, as use-cases: the shared password, a magic link
// mailed to an allowed domain (single-use, 15 minutes), and the reader's feed token. Every attempt
// is rate-limited by lib/auth/throttle.ts before anything is checked or sent.
import { recordAudit } from "@/lib/audit/log";
import type { AccessConfig } from "@/lib/access/config";
import { feedToken, hashLinkToken, newLinkToken, newPassId, readerCookieValue, SESSION_DAYS } from "@/lib/access/tokens";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { admitAttempt, pruneIdleKeys, settleSuccess, sourceOf, type ThrottleKey } from "@/lib/auth/throttle";
import type { Db } from "@/lib/db/client";
import type { TransactionalMail } from "@/lib/mail/transport";
import { type LinkPage, signInLinkMail } from "./link-mail";

export const LINK_MINUTES = 15;
const PASSWORD_LIMIT = 10;
const LINK_SOURCE_LIMIT = 10;
const LINK_ADDRESS_LIMIT = 3;

export interface Visitor {
  ip: string;
  now: Date;
}

/** Refused by the limits; the page says how long to wait (`wait`, ms) in the reader's language. */
export type Throttled = { kind: "throttled"; wait: number };
export type SignedIn = { kind: "signed-in"; cookie: string; expiresAt: Date };

const throttled = (wait: number): Throttled => ({ kind: "throttled", wait });

async function openSession(db: Db, config: AccessConfig, via: "password" | "magic-link", email: string | null, secret: string, now: Date): Promise<SignedIn> {
  const id = newPassId();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.readerPass.create({ data: { id, kind: "session", via, email, sessionEpoch: config.sessionEpoch, createdAt: now, expiresAt } });
    await recordAudit(tx, {
      actor: { userId: null, label: email ?? "reader", ip: "" },
      action: "access.reader_sign_in",
      targetType: "reader_pass",
      targetId: id,
      after: { via },
    });
  });
  return { kind: "signed-in", cookie: readerCookieValue(secret, id, config.sessionEpoch, expiresAt), expiresAt };
}

export async function signInWithPassword(
  db: Db,
  config: AccessConfig,
  password: string,
  visitor: Visitor,
  secret: string,
): Promise<SignedIn | Throttled | { kind: "wrong" }> {
  const keys: ThrottleKey[] = [{ key: `reader-password:${sourceOf(visitor.ip)}`, limit: PASSWORD_LIMIT, onSuccess: "clear" }];
  const admission = await admitAttempt(db, keys, visitor.now);
  if (!admission.admitted) return throttled(admission.wait);
  await pruneIdleKeys(db, visitor.now);
  // The KDF runs even without a password set, so the answer's time tells nothing.
  const matches = await verifyPassword(password, config.passwordHash ?? (await dummyPasswordHash()));
  if (!config.private || !config.passwordHash || !matches) return { kind: "wrong" };
  await settleSuccess(db, keys);
  return openSession(db, config, "password", null, secret, visitor.now);
}

/** Whether an address may ask for a link: its domain, or a parent domain, is listed. */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/**
 * Mails a link when the address is in an allowed domain; the caller answers the same either way,
 * so the page never tells which addresses can get in. The mail, and the page its link opens, speak
 * the language of the page it was asked from.
 */
export async function requestMagicLink(
  db: Db,
  config: AccessConfig,
  request: { email: string; returnPath: string; baseUrl: string; page: LinkPage },
  visitor: Visitor,
  send: ((mail: TransactionalMail) => Promise<void>) | null,
): Promise<{ kind: "sent" } | Throttled> {
  const email = request.email.toLowerCase();
  const keys: ThrottleKey[] = [
    { key: `reader-link:${sourceOf(visitor.ip)}`, limit: LINK_SOURCE_LIMIT, onSuccess: "refund" },
    { key: `reader-link-to:${email}`, limit: LINK_ADDRESS_LIMIT, onSuccess: "refund" },
  ];
  const admission = await admitAttempt(db, keys, visitor.now);
  if (!admission.admitted) return throttled(admission.wait);
  if (!send || !config.private || !domainAllowed(email, config.emailDomains)) return { kind: "sent" };
  const token = newLinkToken();
  await db.readerPass.create({
    data: {
      id: newPassId(),
      kind: "magic-link",
      via: "magic-link",
      tokenHash: hashLinkToken(token),
      email,
      sessionEpoch: config.sessionEpoch,
      createdAt: visitor.now,
      expiresAt: new Date(visitor.now.getTime() + LINK_MINUTES * 60_000),
    },
  });
  const link = `${request.baseUrl}/access?link=${encodeURIComponent(token)}&return=${encodeURIComponent(request.returnPath)}&lang=${request.page.locale}`;
  try {
    await send(signInLinkMail(email, link, LINK_MINUTES, request.page));
  } catch (error) {
    // The same answer as ever: a mail server's trouble must not tell a stranger the address is allowed.
    console.error("access: the sign-in link could not be sent:", error instanceof Error ? error.message : error);
  }
  return { kind: "sent" };
}

/** Uses a mailed link once: the update matches only an unused, unexpired link. */
export async function redeemMagicLink(db: Db, config: AccessConfig, token: string, visitor: Visitor, secret: string): Promise<SignedIn | { kind: "bad-link" }> {
  if (!config.private) return { kind: "bad-link" };
  const tokenHash = hashLinkToken(token);
  const { count } = await db.readerPass.updateMany({
    where: { tokenHash, kind: "magic-link", usedAt: null, expiresAt: { gt: visitor.now } },
    data: { usedAt: visitor.now },
  });
  if (count !== 1) return { kind: "bad-link" };
  const link = await db.readerPass.findUnique({ where: { tokenHash } });
  return openSession(db, config, "magic-link", link?.email ?? null, secret, visitor.now);
}

/** The signed-in reader's feed token; the row remembers it was shown, for the admin's count. */
export async function feedTokenFor(db: Db, config: AccessConfig, passId: string, secret: string): Promise<string> {
  await db.readerPass.updateMany({ where: { id: passId, kind: "session" }, data: { feedEpoch: config.feedEpoch } });
  return feedToken(secret, passId, config.feedEpoch);
}

/** Sessions still valid, and feed tokens shown that still work. */
export async function readerCounts(db: Db, config: AccessConfig, now: Date): Promise<{ sessions: number; feedTokens: number }> {
  const [sessions, feedTokens] = await Promise.all([
    db.readerPass.count({ where: { kind: "session", sessionEpoch: config.sessionEpoch, expiresAt: { gt: now } } }),
    db.readerPass.count({ where: { kind: "session", feedEpoch: config.feedEpoch } }),
  ]);
  return { sessions, feedTokens };
}
