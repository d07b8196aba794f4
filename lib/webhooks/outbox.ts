// Writing the outbox: inside the publish transaction, one WebhookDelivery row per enabled endpoint
// that the change concerns, with the exact body to send. The rows commit (or roll back) with the
// post, so a notification exists exactly when the post does and a restart loses none. A published
// postmortem queues its rows the same way, in the transaction that publishes it.
import type { Tx } from "@/lib/db/client";
import { loadEnv } from "@/lib/runtime/env";
import type { ComponentState } from "@/lib/timeline/types";
import type { WebhookFormat } from "@/lib/validation/webhooks";
import { endpointMatches, eventOf, filterOf } from "./match";
import { payloadFor, type WebhookNotice } from "./payload";

export interface OutboxChange {
  action: string;
  incidentNumber: number;
  postId: number;
  now: Date;
  /** Components whose public state the change moves (unchanged ones are ignored). */
  componentChanges: { componentId: number; before: ComponentState; after: ComponentState }[];
}

/** The incident as every event's payload names it, with its component ids for the endpoints' filters. */
const incidentFields = { number: true, title: true, kind: true, openedAt: true, resolvedAt: true, components: { select: { componentId: true } } } as const;

/** Returns how many deliveries were queued. */
export async function enqueueWebhooks(tx: Tx, change: OutboxChange): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { disabledAt: null }, select: { id: true, format: true, componentIds: true, events: true } });
  if (endpoints.length === 0) return 0;
  const [post, components] = await Promise.all([
    tx.post.findUniqueOrThrow({
      where: { id: change.postId },
      include: {
        incident: { select: incidentFields },
      },
    }),
    tx.component.findMany({ select: { id: true, name: true, slug: true, parentId: true } }),
  ]);
  const byId = new Map(components.map((component) => [component.id, component]));
  const moved = change.componentChanges.filter((c) => c.before !== c.after && byId.has(c.componentId));
  const event = eventOf(change.action, post.type);
  const scope = { event, componentIds: [...new Set([...post.incident.components.map((link) => link.componentId), ...moved.map((c) => c.componentId)])] };
  const parentOf = new Map(components.map((component) => [component.id, component.parentId]));
  const matching = endpoints.filter((endpoint) => endpointMatches(filterOf(endpoint), scope, parentOf));
  if (matching.length === 0) return 0;

  const { components: _links, ...incident } = post.incident;
  return insertDeliveries(tx, matching, {
    event,
    occurredAt: change.now,
    baseUrl: loadEnv().publicUrl,
    incident,
    post: { id: post.id, type: post.type, body: post.body, postedAt: post.postedAt, deletedReason: post.deletedReason },
    componentChanges: moved.map((c) => ({
      id: c.componentId,
      name: byId.get(c.componentId)!.name,
      slug: byId.get(c.componentId)!.slug,
      before: c.before,
      after: c.after,
    })),
  });
}

const POSTMORTEM_EVENT = "postmortem.published";

/** The incident of a postmortem and the enabled endpoints whose filters take it. */
async function postmortemTargets(tx: Tx, incidentNumber: number) {
  const [endpoints, row, components] = await Promise.all([
    tx.webhookEndpoint.findMany({ where: { disabledAt: null }, select: { id: true, format: true, componentIds: true, events: true } }),
    tx.incident.findUniqueOrThrow({
      where: { number: incidentNumber },
      select: { ...incidentFields, postmortem: { select: { publishedAt: true, publishedBody: true } } },
    }),
    tx.component.findMany({ select: { id: true, parentId: true } }),
  ]);
  const parentOf = new Map(components.map((component) => [component.id, component.parentId]));
  const scope = { event: POSTMORTEM_EVENT, componentIds: row.components.map((link) => link.componentId) };
  return { row, matching: endpoints.filter((endpoint) => endpointMatches(filterOf(endpoint), scope, parentOf)) };
}

/** How many endpoints publishing the incident's postmortem would notify (the confirm step says so). */
export async function countPostmortemWebhooks(tx: Tx, incidentNumber: number): Promise<number> {
  return (await postmortemTargets(tx, incidentNumber)).matching.length;
}

/** A published postmortem: `postmortem.published` to every endpoint whose filters take the incident. Returns how many were queued. */
export async function enqueuePostmortemWebhooks(tx: Tx, change: { incidentNumber: number; now: Date }): Promise<number> {
  const { row, matching } = await postmortemTargets(tx, change.incidentNumber);
  const { components: _links, postmortem, ...incident } = row;
  if (!postmortem?.publishedAt || postmortem.publishedBody === null) return 0;
  return insertDeliveries(tx, matching, {
    event: POSTMORTEM_EVENT,
    occurredAt: change.now,
    baseUrl: loadEnv().publicUrl,
    incident,
    post: null,
    postmortem: { body: postmortem.publishedBody, publishedAt: postmortem.publishedAt },
    componentChanges: [],
  });
}

async function insertDeliveries(tx: Tx, matching: readonly { id: number; format: WebhookFormat }[], notice: WebhookNotice): Promise<number> {
  if (matching.length === 0) return 0;
  const bodies = new Map([...new Set(matching.map((endpoint) => endpoint.format))].map((format) => [format, payloadFor(format, notice)]));
  await tx.webhookDelivery.createMany({
    data: matching.map((endpoint) => ({
      endpointId: endpoint.id,
      event: notice.event,
      payload: bodies.get(endpoint.format)!,
      nextAttemptAt: notice.occurredAt,
      createdAt: notice.occurredAt,
    })),
  });
  return matching.length;
}
