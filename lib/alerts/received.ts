// What integrations sent: every payload with its outcome, kept RETENTION_DAYS and at most
// MAX_STORED_BODY characters of body each; the alerts no rule routes; the storm setting.
import type { Db, Tx } from "@/lib/db/client";
import { authorize, type Actor } from "@/lib/auth/roles";
import { saveSetting } from "@/lib/settings/save";
import { stormThresholdSchema } from "@/lib/validation/integrations";
import { evidenceOf, type AlertEvidence } from "./drafts";

export type PayloadOutcome = "opened" | "attached" | "ignored" | "unrouted" | "rejected";

export const MAX_STORED_BODY = 64 * 1024;
export const RETENTION_DAYS = 14;
const PRUNE_EVERY_MS = 60 * 60_000;

export interface ReceivedPayload {
  id: number;
  receivedAt: Date;
  outcome: PayloadOutcome;
  reason: string;
  /** Untrusted text as received, cut to MAX_STORED_BODY; show it escaped. */
  body: string;
  bodyTruncated: boolean;
  alertCount: number;
  truncatedCount: number;
}

export async function storePayload(
  db: Db,
  integrationId: number,
  payload: { body: string; outcome: PayloadOutcome; reason: string; alertCount?: number; truncated?: number },
  now: Date,
): Promise<number> {
  const row = await db.alertPayload.create({
    data: {
      integrationId,
      receivedAt: now,
      outcome: payload.outcome,
      reason: payload.reason.slice(0, 2_000),
      body: payload.body.slice(0, MAX_STORED_BODY),
      bodyTruncated: payload.body.length > MAX_STORED_BODY,
      alertCount: payload.alertCount ?? 0,
      truncatedCount: payload.truncated ?? 0,
    },
    select: { id: true },
  });
  return row.id;
}

let lastPrunedAt = 0;

/** Drops payloads older than RETENTION_DAYS; runs at most hourly per process. */
export async function pruneReceivedPayloads(db: Db, now: Date, force = false): Promise<number> {
  if (!force && now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return 0;
  lastPrunedAt = now.getTime();
  const { count } = await db.alertPayload.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - RETENTION_DAYS * 86_400_000) } } });
  return count;
}

/** An integration's received payloads, newest first. */
export function listReceivedPayloads(db: Db, integrationId: number, limit = 100): Promise<ReceivedPayload[]> {
  return db.alertPayload.findMany({
    where: { integrationId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, receivedAt: true, outcome: true, reason: true, body: true, bodyTruncated: true, alertCount: true, truncatedCount: true },
  });
}

/** Alerts no rule routes (kept, never dropped), most recently seen first. */
export async function listUnroutedAlerts(db: Db, limit = 200): Promise<AlertEvidence[]> {
  const rows = await db.alert.findMany({
    where: { ruleId: null, draftId: null, incidentId: null },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { integration: { select: { name: true } } },
  });
  return rows.map(evidenceOf);
}

export const STORM_THRESHOLD_KEY = "alertStormThreshold";
export const DEFAULT_STORM_THRESHOLD = 5;

/** How many drafts integrations may open within 10 minutes before the rest collapse into one. */
export async function stormThreshold(db: Db | Tx): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: STORM_THRESHOLD_KEY } });
  const stored = row ? stormThresholdSchema.safeParse(row.value) : null;
  return stored?.success ? stored.data : DEFAULT_STORM_THRESHOLD;
}

/** An admin sets the threshold (/admin/integrations); audited like the other settings. */
export async function updateStormThreshold(db: Db, actor: Actor | null, threshold: number): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction((tx) => saveSetting(tx, admin, STORM_THRESHOLD_KEY, threshold, { field: "stormThreshold" }));
}
