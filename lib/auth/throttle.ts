// Sign-in rate limiting (other anonymous forms use it with keys of their own), stored in the database so it holds across restarts and instances.
//  1. Every attempt is counted *before* the password is checked, by one compare-and-set UPDATE per
//     key, so parallel attempts cannot slip past the limit while the slow password check runs.
//  2. A browser without a known-device cookie counts against three keys: its account from its
//     source (5), its source (20, many people may share one address), and its account from
//     anywhere (30, so many addresses cannot guess on). A stranger thus locks out only his own
//     address, or — with 30 attempts from many addresses — new browsers of that account.
//     The source is counted first: once it is locked, its attempts create no further rows.
//  3. A browser the user signed in with before (lib/auth/device.ts) counts only against its own
//     device key (5): nobody else's attempts can lock it out.
//  4. Up to a key's limit nothing happens; from then on each attempt locks the key for twice as
//     long as the previous one (30 s, 1 min, 2 min, … at most 15 min). A quiet hour forgets a key.
//  5. A successful sign-in clears the account's and the device's keys and gives the source its
//     attempt back. Attempts refused while locked cost no password check and no row each: they
//     are counted on the key and written as one audit event when its lock ends.
import { isIP } from "node:net";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import type { KnownDevice } from "@/lib/auth/device";

export const ACCOUNT_SOURCE_LIMIT = 5;
export const SOURCE_LIMIT = 20;
export const ACCOUNT_LIMIT = 30;
export const DEVICE_LIMIT = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 60 * 60_000;
/** Idle keys deleted per admitted attempt: pruning keeps pace with growth at a bounded cost. */
const PRUNE_BATCH = 100;
/** Compare-and-set rounds before an attempt is refused as contended (each round, one attempt wins). */
const MAX_ROUNDS = 50;

export interface ThrottleKey {
  key: string;
  limit: number;
  /** After a successful sign-in: "clear" forgets the key, "refund" takes back this attempt only. */
  onSuccess: "clear" | "refund";
}

/** The unit one party controls: an IPv4 address, or an IPv6 /64 (one network hands out the whole /64). */
export function sourceOf(ip: string): string {
  if (isIP(ip) !== 6) return ip || "unknown";
  // An IPv4 tail ("64:ff9b::192.0.2.1") is two groups; only the first four groups matter here.
  const [head = "", tail = ""] = ip.replace(/\d+\.\d+\.\d+\.\d+$/, "0:0").split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

export function throttleKeys(email: string, ip: string, device: KnownDevice | null): ThrottleKey[] {
  if (device) return [{ key: `device:${device.deviceId}`, limit: DEVICE_LIMIT, onSuccess: "clear" }];
  const source = sourceOf(ip);
  return [
    { key: `ip:${source}`, limit: SOURCE_LIMIT, onSuccess: "refund" },
    { key: `account:${email}|${source}`, limit: ACCOUNT_SOURCE_LIMIT, onSuccess: "clear" },
    { key: `account:${email}`, limit: ACCOUNT_LIMIT, onSuccess: "clear" },
  ];
}

/** How long a key is locked after its `attempts`-th attempt (0 below the limit). */
export function lockDelayMs(attempts: number, limit: number): number {
  if (attempts < limit) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempts - limit));
}

export type Admission = { admitted: true; lockedFor: number } | { admitted: false; key: string; wait: number };

interface ThrottleRow {
  key: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
  refused: number;
}

const waitOf = (row: ThrottleRow | null | undefined, now: Date) => (row?.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0);

/**
 * Counts one attempt on every key, or refuses it while any key is locked. Admitted: `lockedFor` is
 * how long this attempt just locked a key for (0 if it did not). Refused: the longest wait, counted
 * on that key; a refusal costs two queries and writes no row.
 */
export async function admitAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Admission> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const locked = rows.reduce<ThrottleRow | null>((longest, row) => (waitOf(row, now) > waitOf(longest, now) ? row : longest), null);
  if (locked) return refuse(db, locked.key, waitOf(locked, now));
  let lockedFor = 0;
  for (const { key, limit } of keys) {
    const result = await countAttempt(db, key, limit, rows.find((row) => row.key === key) ?? null, now);
    if (!result.admitted) return result;
    lockedFor = Math.max(lockedFor, result.lockedFor);
  }
  return { admitted: true, lockedFor };
}

async function refuse(db: Db, key: string, wait: number): Promise<Admission> {
  await db.loginThrottle.updateMany({ where: { key }, data: { refused: { increment: 1 } } });
  return { admitted: false, key, wait };
}

/** One compare-and-set round per loop: the UPDATE matches only if nobody counted since we read. */
async function countAttempt(db: Db, key: string, limit: number, first: ThrottleRow | null, now: Date): Promise<Admission> {
  let row = first;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (waitOf(row, now) > 0) return refuse(db, key, waitOf(row, now));
    const forgotten = !row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const failures = forgotten ? 1 : row!.failures + 1;
    const delay = lockDelayMs(failures, limit);
    const data = { failures, lastFailureAt: now, lockedUntil: delay ? new Date(now.getTime() + delay) : null, refused: 0 };
    if (await compareAndSet(db, key, row, data)) {
      if (row?.refused) await auditRefusals(db, row);
      return { admitted: true, lockedFor: delay };
    }
    row = await db.loginThrottle.findUnique({ where: { key } });
  }
  return { admitted: false, key, wait: 1000 };
}

async function compareAndSet(db: Db, key: string, seen: ThrottleRow | null, data: Omit<ThrottleRow, "key">): Promise<boolean> {
  if (!seen) {
    try {
      await db.loginThrottle.create({ data: { key, ...data } });
      return true;
    } catch (error) {
      // The key is the table's only unique field: another attempt created the row first.
      if ((error as { code?: unknown } | null)?.code === "P2002") return false;
      throw error;
    }
  }
  // refused too: a refusal counted since we read must not be lost when this write resets it.
  const { count } = await db.loginThrottle.updateMany({
    where: { key, failures: seen.failures, lastFailureAt: seen.lastFailureAt, refused: seen.refused },
    data,
  });
  return count === 1;
}

/** After a successful sign-in (the password was right, so these attempts were the user's own). */
export async function settleSuccess(db: Db, keys: ThrottleKey[]): Promise<void> {
  for (const { key, onSuccess } of keys) {
    if (onSuccess === "refund") await db.loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
    else {
      const row = await db.loginThrottle.findUnique({ where: { key } });
      if (row) await deleteRow(db, row);
    }
  }
}

/** Deletes up to a batch of keys idle for an hour (their locks are long over). */
export async function pruneIdleKeys(db: Db, now: Date): Promise<void> {
  const idle = { lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } };
  const rows = await db.loginThrottle.findMany({ where: idle, take: PRUNE_BATCH, orderBy: { lastFailureAt: "asc" } });
  const quiet = rows.filter((row) => row.refused === 0).map((row) => row.key);
  if (quiet.length) await db.loginThrottle.deleteMany({ where: { key: { in: quiet }, refused: 0, ...idle } });
  for (const row of rows) if (row.refused > 0) await deleteRow(db, row);
}

/** Deletes the row as read; only the request whose delete matched writes its refusals down. */
async function deleteRow(db: Db, row: ThrottleRow): Promise<void> {
  const { count } = await db.loginThrottle.deleteMany({ where: { key: row.key, failures: row.failures, refused: row.refused } });
  if (count === 1 && row.refused > 0) await auditRefusals(db, row);
}

/**
 * Whose limit a key is, by its prefix (each caller's keys have their own): the audit action of its
 * refusals, and whether the rest of the key is the client's source (then it is the event's IP).
 * Looked up from the key alone, because a lock may be written down by another caller's pruning.
 */
const REFUSAL_AUDIT: Record<string, { action: string; source: boolean }> = {
  ip: { action: "auth.sign_in_throttled", source: true },
  account: { action: "auth.sign_in_throttled", source: false },
  device: { action: "auth.sign_in_throttled", source: false },
  setup: { action: "auth.setup_throttled", source: true },
  "reader-password": { action: "access.password_throttled", source: true },
  "reader-link": { action: "access.link_throttled", source: true },
  "reader-link-to": { action: "access.link_throttled", source: false },
  "subscribe-source": { action: "subscription.subscribe_throttled", source: true },
  "subscribe-address": { action: "subscription.subscribe_throttled", source: false },
};

/** One audit event for all attempts refused during one lock of one key. */
async function auditRefusals(db: Db, row: ThrottleRow): Promise<void> {
  const prefix = row.key.slice(0, Math.max(0, row.key.indexOf(":")));
  const owner = REFUSAL_AUDIT[prefix] ?? REFUSAL_AUDIT.account!;
  await recordAudit(db, {
    actor: { userId: null, label: "anonymous", ip: owner.source ? row.key.slice(prefix.length + 1, prefix.length + 1 + 45) : "" },
    action: owner.action,
    targetType: "sign_in_throttle",
    targetId: row.key,
    after: { refused: row.refused, lockedUntil: row.lockedUntil?.toISOString() ?? null },
  });
}

/** "2 minutes", "30 seconds": rounded up, so the user never retries too early. */
export function describeWait(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.ceil(ms / 60_000);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}
