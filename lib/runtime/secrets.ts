// SESSION_SECRET: taken from the environment, else generated once into the data directory. It signs
// the known-device cookie (lib/auth/device.ts); changing it only makes browsers unknown again.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadEnv } from "@/lib/runtime/env";

export const SESSION_SECRET_FILE = "session-secret";

export function ensureSessionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, SESSION_SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  // wx: never overwrite a secret another instance just wrote.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  return secret;
}

/** The secret for this process: the server's start put it in the environment (lib/server/boot.ts). */
export function sessionSecret(): string {
  const env = loadEnv();
  if (env.sessionSecret) return env.sessionSecret;
  process.env.SESSION_SECRET = ensureSessionSecret(env.dataDir, undefined);
  return process.env.SESSION_SECRET;
}
