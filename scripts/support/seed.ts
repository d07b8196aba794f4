// A database ready for a server under test: migrated and seeded by the real seed command (demo data,
// optionally a synthetic history), a commander API token for the write API, and optionally a
// webhook endpoint, so publishes also write outbox rows.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/roles";
import { createDb, type Db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/runtime/env";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const OPERATOR: Actor = { userId: null, label: "cli", role: "admin", ip: "" };

export interface SeedOptions {
  databaseUrl: string;
  dataDir: string;
  /** Synthetic incidents on top of the demo data (`db:seed -- --history N`). */
  history?: number;
  /** The checkout whose seed command runs (default: this one; its migrations must match the server's). */
  root?: string;
}

export async function seedDatabase(options: SeedOptions): Promise<void> {
  const args = ["--import", "tsx", "scripts/db-seed.ts", "--demo", ...(options.history ? ["--history", String(options.history)] : [])];
  const env = { ...process.env, DATABASE_URL: options.databaseUrl, BEACON_DATA_DIR: options.dataDir };
  await run(process.execPath, args, { cwd: options.root ?? ROOT, env, maxBuffer: 16 * 2 ** 20 });
}

/** A client for checks and set-up, outside the server (close it with $disconnect()). */
export function openDatabase(databaseUrl: string): Db {
  return createDb(parseDatabaseUrl(databaseUrl));
}

/** A commander token for the write API, as an operator would make one in the admin. */
export async function createWriteToken(db: Db, name = "fault-test"): Promise<string> {
  return (await createApiToken(db, OPERATOR, { name, role: "commander" }, new Date())).token;
}

/** A webhook endpoint for every event and component (its URL may point at nothing). */
export async function registerWebhook(db: Db, url: string): Promise<number> {
  // The URL is on 127.0.0.1, which registration refuses unless the operator allow-lists it.
  process.env.BEACON_WEBHOOK_ALLOW ??= new URL(url).hostname;
  return (await createWebhookEndpoint(db, OPERATOR, { name: "fault test", url, secret: "", format: "json", componentIds: [], events: [] })).id;
}
