// The one-time setup code that protects the first-run page (/admin/setup) while no user exists, so a
// server reachable from the Internet cannot be claimed by whoever finds it first.
//  1. Each start while no user exists makes a new random code (60 bits) and prints it once in the
//     log, with the setup URL. Only its SHA-256 is stored, one Setting row per code, so every
//     instance (and a restart) accepts every code printed; the newest ten are kept.
//  2. A code is checked against all stored hashes in constant time, after the attempt is counted by
//     the sign-in throttle (lib/auth/throttle.ts); a wrong code is refused like a wrong password.
//  3. Once any user exists the codes are dead: the setup use-case (lib/auth/first-admin.ts) deletes
//     them in the transaction that creates the first admin, and a start with users deletes leftovers.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";

const CODE_KEY_PREFIX = "setupCode:";
const KEEP_CODES = 10;
// No 0/O or 1/I: the code is read off a terminal and typed.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 12;

export const SETUP_PATH = "/admin/setup";
export const ADMIN_CREATE_COMMAND = "npm run admin -- create --email you@example.com --password '…' --role admin";

/** "ABCD-EFGH-JKLM". */
export function newSetupCode(): string {
  const characters = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return characters.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/** What the person typed, as the code was made: case, spaces and dashes do not matter. */
export function normalizeSetupCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function hashOf(code: string): Buffer {
  return createHash("sha256").update(normalizeSetupCode(code)).digest();
}

export async function hasUsers(db: Pick<Db, "user">): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** Stores a new code while no user exists and returns it (to print once); with users, deletes any left. */
export async function issueSetupCode(db: Db, now: Date): Promise<string | null> {
  if (await hasUsers(db)) {
    await deleteSetupCodes(db);
    return null;
  }
  const code = newSetupCode();
  await db.setting.create({ data: { key: `${CODE_KEY_PREFIX}${hashOf(code).toString("hex")}`, value: { issuedAt: now.toISOString() } } });
  const older = await db.setting.findMany({ where: { key: { startsWith: CODE_KEY_PREFIX } }, orderBy: { updatedAt: "desc" }, skip: KEEP_CODES });
  if (older.length) await db.setting.deleteMany({ where: { key: { in: older.map((row) => row.key) } } });
  return code;
}

/** Every stored hash is compared, each in constant time, so timing says nothing about the code. */
export async function setupCodeMatches(db: Pick<Db, "setting">, input: string): Promise<boolean> {
  const typed = hashOf(input);
  const rows = await db.setting.findMany({ where: { key: { startsWith: CODE_KEY_PREFIX } }, select: { key: true } });
  let matches = false;
  for (const row of rows) {
    const stored = Buffer.from(row.key.slice(CODE_KEY_PREFIX.length), "hex");
    if (stored.length === typed.length && timingSafeEqual(stored, typed)) matches = true;
  }
  return matches;
}

export async function deleteSetupCodes(db: Pick<Tx, "setting">): Promise<void> {
  await db.setting.deleteMany({ where: { key: { startsWith: CODE_KEY_PREFIX } } });
}

/** The lines a start prints while no user exists: the setup URL with its code, and the terminal way. */
export function setupAnnouncement(publicUrl: string, code: string): string[] {
  return [
    `No admin exists yet. Create the first one at ${publicUrl}${SETUP_PATH}?code=${code} (setup code ${code}),`,
    `or from a terminal: ${ADMIN_CREATE_COMMAND}`,
  ];
}

/** At start (scripts/start.ts), once the database answers: prints the setup URL while no user exists. */
export async function announceSetupCode(db: Db, publicUrl: string, databaseReady: Promise<unknown> | null, log: (line: string) => void): Promise<void> {
  try {
    await databaseReady;
    const code = await issueSetupCode(db, new Date());
    if (code) for (const line of setupAnnouncement(publicUrl, code)) log(line);
  } catch (error) {
    log(`setup: could not issue a setup code (${error instanceof Error ? error.message : String(error)}); use ${ADMIN_CREATE_COMMAND}`);
  }
}
