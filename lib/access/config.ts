// A private site's settings (one Setting row, "access") and this process's copy of them. The gate
// runs on every public request, so it reads the copy: reloaded within seconds, at once after a
// change here or on another instance (the public-views bus), and kept when the database cannot be
// read — also in data/access.json, so a restart during an outage still knows the site is private.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { db as defaultDb, type Tx } from "@/lib/db/client";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { loadEnv } from "@/lib/runtime/env";

export const ACCESS_SETTING = "access";

export const accessConfigSchema = z.object({
  private: z.boolean(),
  /** scrypt hash of the shared readers' password (lib/auth/password.ts), or null: no password. */
  passwordHash: z.string().nullable(),
  /** Lower-case domains whose addresses may ask for a magic link (needs mail). */
  emailDomains: z.array(z.string()),
  /** CIDR ranges (or single addresses) whose readers need no sign-in. */
  ipRanges: z.array(z.string()),
  /** Part of every reader cookie: a new password bumps it and every session ends. */
  sessionEpoch: z.number().int(),
  /** Part of every feed token: rotating it revokes them all. */
  feedEpoch: z.number().int(),
});
export type AccessConfig = z.infer<typeof accessConfigSchema>;

export const PUBLIC_SITE: AccessConfig = { private: false, passwordHash: null, emailDomains: [], ipRanges: [], sessionEpoch: 1, feedEpoch: 1 };

export async function loadAccessConfig(db: Tx): Promise<AccessConfig> {
  const row = await db.setting.findUnique({ where: { key: ACCESS_SETTING } });
  // A stored value that no longer validates keeps the site closed rather than opening it.
  if (!row) return PUBLIC_SITE;
  const parsed = accessConfigSchema.safeParse(row.value);
  return parsed.success ? parsed.data : { ...PUBLIC_SITE, private: true };
}

/** How long the copy is trusted before the next request reloads it. */
const FRESH_MS = 5_000;
/** A reload that takes longer answers with the known copy (the database hangs): a one-row read takes milliseconds. */
const RELOAD_DEADLINE_MS = 300;
/**
 * A reload still unanswered after this is given up (a hung database may never answer): the copy, or
 * data/access.json, or — with neither — the public default, since a private site always leaves its
 * copy on disk. Without it one hung read kept every later request waiting.
 */
const RELOAD_GIVE_UP_MS = 1_000;
const FILE = "access.json";

interface Copy {
  config: AccessConfig;
  loadedAt: number;
}
let copy: Copy | null = null;
let reloading: Promise<AccessConfig> | null = null;

function fileCopy(): AccessConfig | null {
  const file = path.join(loadEnv().dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    return accessConfigSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    // Unreadable: closed, as after a stored value that does not validate.
    return { ...PUBLIC_SITE, private: true };
  }
}

function keepOnDisk(config: AccessConfig): void {
  try {
    const { dataDir } = loadEnv();
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, FILE);
    writeFileSync(`${file}.tmp`, JSON.stringify(config), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.error("access: could not keep the settings in the data directory:", error instanceof Error ? error.message : error);
  }
}

/** `work`, or a rejection once `ms` have passed without an answer. */
function givenUpAfter<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function reload(now: number): Promise<AccessConfig> {
  reloading ??= givenUpAfter(loadAccessConfig(defaultDb()), RELOAD_GIVE_UP_MS)
    .then((config) => {
      if (JSON.stringify(config) !== JSON.stringify(copy?.config ?? fileCopy())) keepOnDisk(config);
      copy = { config, loadedAt: now };
      return config;
    })
    .catch((error: unknown) => {
      console.error("access: the settings could not be read; using the last known:", error instanceof Error ? error.message : error);
      const config = copy?.config ?? fileCopy() ?? PUBLIC_SITE;
      copy = { config, loadedAt: now };
      return config;
    })
    .finally(() => {
      reloading = null;
    });
  return reloading;
}

/** The settings the gate decides with: the copy while fresh, else reloaded (waiting at most RELOAD_DEADLINE_MS when a copy is known). */
export function currentAccessConfig(now = Date.now()): AccessConfig | Promise<AccessConfig> {
  if (copy && now - copy.loadedAt < FRESH_MS) return copy.config;
  const pending = reload(now);
  const known = copy?.config ?? fileCopy();
  if (!known) return pending;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<AccessConfig>((resolve) => {
    timer = setTimeout(() => {
      // Trusted again for a while, so the requests behind this one do not each wait for the hung reload.
      copy = { config: known, loadedAt: Date.now() };
      resolve(known);
    }, RELOAD_DEADLINE_MS);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

/** A change here or on another instance: the next request reloads. */
export function forgetAccessCopy(): void {
  copy = null;
}
onPublicViewsInvalidated(forgetAccessCopy);
