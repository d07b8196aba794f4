// Sign-in rate limiting, per account and per client address, stored in the database so it holds
// across restarts and instances. Up to a threshold of failures nothing happens; each failure past
// it locks the key for twice as long as the previous one (30 s, 1 min, 2 min, … at most 15 min).
// A quiet hour forgets the failures; a successful sign-in clears the account's count.
import type { Tx } from "@/lib/db/client";

export const ACCOUNT_FAILURE_LIMIT = 5;
/** Higher than per account: many people may share one address (an office, a VPN). */
export const IP_FAILURE_LIMIT = 20;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;

export interface ThrottleKey {
  key: string;
  limit: number;
}

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  const keys = [{ key: `account:${email}`, limit: ACCOUNT_FAILURE_LIMIT }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: IP_FAILURE_LIMIT });
  return keys;
}

/** How long a key is locked after its `failures`-th failure (0 below the limit). */
export function lockDelayMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - limit));
}

/** Milliseconds until any of the keys may try again; 0 when none is locked. */
export async function lockedFor(tx: Tx, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await tx.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  return Math.max(0, ...rows.map((row) => (row.lockedUntil ? row.lockedUntil.getTime() - now.getTime() : 0)));
}

export async function recordFailure(tx: Tx, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { key, limit } of keys) {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const forgotten = !row || now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const failures = forgotten ? 1 : row.failures + 1;
    const delay = lockDelayMs(failures, limit);
    const data = { failures, lastFailureAt: now, lockedUntil: delay ? new Date(now.getTime() + delay) : null };
    await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key } });
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
