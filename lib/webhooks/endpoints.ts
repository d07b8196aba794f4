// Webhook endpoint management for admins: register (the secret is generated when left empty),
// list with their health, pause/resume, delete, and the per-endpoint delivery log. All audited.
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import type { Db, Tx } from "@/lib/db/client";
import { createAudited, deleteAudited } from "@/lib/audit/audited";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { loadEnv } from "@/lib/runtime/env";
import { InputError } from "@/lib/errors/input-error";
import type { CreateWebhookInput } from "@/lib/validation/webhooks";
import { isAllowedAddress, parseWebhookAllowList } from "./address-policy";
import { filterOf, type EndpointFilter } from "./match";

export const LOG_ATTEMPTS = 50;

export async function createWebhookEndpoint(db: Db, actor: Actor | null, input: CreateWebhookInput): Promise<{ id: number; secret: string }> {
  const admin = authorize(actor, "admin");
  refuseInternalLiteral(input.url);
  const secret = input.secret || `whsec_${randomBytes(24).toString("base64url")}`;
  const { name, url, format, componentIds, events } = input;
  const row = await createAudited(
    db,
    (tx) => tx.webhookEndpoint.create({ data: { name, url, secret, format, componentIds, events, createdById: admin.userId } }),
    () => ({ actor: admin, action: "webhook.create", targetType: "webhook", after: { name, url, format, componentIds, events } }),
  );
  return { id: row.id, secret };
}

/** An internal address typed as such is refused at once; a host name is checked after DNS, at every delivery (deliver.ts). */
function refuseInternalLiteral(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && !isAllowedAddress(host, host, parseWebhookAllowList(loadEnv().webhookAllow))) {
    throw new InputError(
      "url",
      "Beacon does not send webhooks to loopback, private or link-local addresses; the operator can allow an internal receiver with BEACON_WEBHOOK_ALLOW.",
    );
  }
}

export async function listWebhookEndpoints(db: Db) {
  const rows = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { deliveries: { where: { status: "pending" } } } } },
  });
  return rows.map(({ secret, _count, ...row }) => ({ ...row, ...filterOf(row), secretHint: `${secret.slice(0, 10)}…`, pending: _count.deliveries }));
}

export async function loadWebhookLog(db: Db, endpointId: number) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId } });
  if (!endpoint) return null;
  const attempts = await db.webhookAttempt.findMany({
    where: { endpointId },
    orderBy: { id: "desc" },
    take: LOG_ATTEMPTS,
    include: { delivery: { select: { id: true, event: true, status: true, attempts: true, nextAttemptAt: true } } },
  });
  const { secret, ...rest } = endpoint;
  return { endpoint: { ...rest, ...filterOf(endpoint), secretHint: `${secret.slice(0, 10)}…` }, attempts };
}

/** Resume (clearing an automatic disable and its failure count) or pause an endpoint. */
export async function setWebhookEnabled(db: Db, actor: Actor | null, endpointId: number, enabled: boolean, now: Date): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!row) return;
    const data = enabled
      ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
      : { disabledAt: now, disabledReason: `Paused by ${admin.label}.` };
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data });
    if (!enabled) await failPending(tx, endpointId, "endpoint paused", now);
    await recordAudit(tx, {
      actor: admin,
      action: enabled ? "webhook.enable" : "webhook.disable",
      targetType: "webhook",
      targetId: endpointId,
      before: { disabledReason: row.disabledReason },
    });
  });
}

export async function deleteWebhookEndpoint(db: Db, actor: Actor | null, endpointId: number): Promise<void> {
  const admin = authorize(actor, "admin");
  const where = { id: endpointId };
  const endpoint = { find: (tx: Tx) => tx.webhookEndpoint.findUnique({ where }), delete: (tx: Tx) => tx.webhookEndpoint.delete({ where }) };
  await deleteAudited(db, endpoint, (row) => ({ actor: admin, action: "webhook.delete", targetType: "webhook", before: { name: row.name, url: row.url } }));
}

export async function failPending(tx: Tx, endpointId: number, reason: string, now: Date): Promise<void> {
  await tx.webhookDelivery.updateMany({ where: { endpointId, status: "pending" }, data: { status: "failed", lastError: reason, finishedAt: now } });
}

/** The enabled endpoints' filters, for the publish preview's "N webhook subscribers" line. */
export async function enabledWebhookFilters(db: Tx): Promise<EndpointFilter[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { disabledAt: null }, select: { componentIds: true, events: true } });
  return rows.map(filterOf);
}
