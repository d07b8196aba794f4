// API tokens for the write API and the CLI. A token is `bcn_` + 32 random bytes; the database keeps
// its SHA-256 (shown once, never stored) and its first characters to recognise it in the admin.
// A Bearer token authorises like a user of the token's role, with the audit label `token:<name>`.
// A token works only while the admin who created it is enabled: disabling a user stops their tokens.
// It acts with at most its creator's *current* role: demoting the admin to viewer stops their tokens
// from publishing; promoting them again restores it. A token made at the terminal (no creator) keeps its role.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createAudited } from "@/lib/audit/audited";
import { recordAudit } from "@/lib/audit/log";
import { authorize, ROLES, type Actor, type Role } from "@/lib/auth/roles";
import { clientIpOf } from "@/lib/auth/client-ip";
import type { CreateApiTokenInput } from "@/lib/validation/api-tokens";

export const TOKEN_PREFIX = "bcn_";
const TOKEN_PATTERN = /^bcn_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per token, not on every request. */
export const LAST_USED_EVERY_MS = 60_000;

export interface ApiTokenSummary {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  /** What it may do now: its role, lowered to its creator's current role. */
  effectiveRole: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Its creator is disabled: refused until they are enabled again (or revoke it for good). */
  suspended: boolean;
}

/** The creator's state, read with every token: a disabled user's tokens must not work, a demoted user's act with the lower role. */
const creatorState = { createdBy: { select: { disabledAt: true, role: true } } } as const;

/** The lower of the token's role and its creator's current role (no creator: the token's). */
export function effectiveTokenRole(tokenRole: Role, creatorRole: Role | undefined): Role {
  if (!creatorRole) return tokenRole;
  return ROLES[Math.min(ROLES.indexOf(tokenRole), ROLES.indexOf(creatorRole))]!;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new secret with its stored forms: the hash it is checked against and the prefix shown to tell tokens apart. */
export function mintToken(prefix: string): { token: string; tokenHash: string; prefix: string } {
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) };
}

/** Creates a token; the returned secret is shown once and cannot be recovered. */
export async function createApiToken(db: Db, actor: Actor | null, input: CreateApiTokenInput, now: Date): Promise<{ token: string; summary: ApiTokenSummary }> {
  const admin = authorize(actor, "admin");
  const { token, ...stored } = mintToken(TOKEN_PREFIX);
  const row = await createAudited(
    db,
    (tx) => tx.apiToken.create({ data: { name: input.name, role: input.role, ...stored, createdById: admin.userId, createdAt: now }, include: creatorState }),
    (created) => ({ actor: admin, action: "token.create", targetType: "api_token", after: { name: created.name, role: created.role, prefix: created.prefix } }),
  );
  return { token, summary: summarize(row) };
}

export async function listApiTokens(db: Db): Promise<ApiTokenSummary[]> {
  const rows = await db.apiToken.findMany({ include: creatorState, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
  return rows.map(summarize);
}

export async function revokeApiToken(db: Db, actor: Actor | null, tokenId: number, now: Date): Promise<ApiTokenSummary | null> {
  const admin = authorize(actor, "admin");
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, include: creatorState });
    if (!row || row.revokedAt) return row ? summarize(row) : null;
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now }, include: creatorState });
    await recordAudit(tx, { actor: admin, action: "token.revoke", targetType: "api_token", targetId: row.id, before: { name: row.name, role: row.role } });
    return summarize(revoked);
  });
}

export interface TokenActor extends Actor {
  tokenId: number;
}

/**
 * The actor of an `Authorization: Bearer bcn_…` header; null when absent, malformed, unknown,
 * revoked, or created by a user who is now disabled. The looked-up hash is compared again in constant time, so no timing reveals a match.
 */
export async function actorFromBearer(db: Db, authorization: string | null, ip: string, now: Date): Promise<TokenActor | null> {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const hash = hashApiToken(token);
  const row = await db.apiToken.findUnique({ where: { tokenHash: hash }, include: creatorState });
  if (!row || row.revokedAt || row.createdBy?.disabledAt || !timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"))) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  // Not the creator's user id: what a token publishes is the token's, named by its label.
  return { tokenId: row.id, userId: null, label: `token:${row.name}`, role: effectiveTokenRole(row.role, row.createdBy?.role), ip };
}

/** The one check every write endpoint goes through, like requireRole for pages: 401 without a valid token, 403 for a too-low role. */
export async function requireTokenRole(db: Db, headers: Pick<Headers, "get">, minRole: Role, now: Date): Promise<TokenActor> {
  const actor = await actorFromBearer(db, headers.get("authorization"), clientIpOf(headers), now);
  return { ...authorize(actor, minRole), tokenId: actor!.tokenId };
}

type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { disabledAt: Date | null; role: Role } | null;
};

function summarize(row: TokenRow): ApiTokenSummary {
  const { id, name, prefix, role, createdAt, lastUsedAt, revokedAt } = row;
  const effectiveRole = effectiveTokenRole(role, row.createdBy?.role);
  return { id, name, prefix, role, effectiveRole, createdAt, lastUsedAt, revokedAt, suspended: Boolean(row.createdBy?.disabledAt) };
}
