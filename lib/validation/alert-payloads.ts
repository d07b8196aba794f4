// The bodies monitoring tools POST to /api/integrations/<kind>, as the tools really send them
// (fixtures in tests/fixtures/alerts/ cite their sources). Alerts are validated one by one after
// the envelope, so a payload of 10,000 alerts costs the work of the first MAX_ALERTS_PER_PAYLOAD.
import * as z from "zod";

const labels = z.record(z.string(), z.string());
const text = z.string();

/** Alertmanager webhook version 4 (notify/webhook/webhook.go: Message = template.Data + version, groupKey, truncatedAlerts). */
export const alertmanagerEnvelope = z.object({
  version: z.literal("4", { error: "Only Alertmanager's webhook version 4 is understood." }),
  groupKey: text,
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(["firing", "resolved"]),
  receiver: text.optional(),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: text.optional(),
  alerts: z.array(z.unknown()),
});

export const alertmanagerAlert = z.object({
  status: z.enum(["firing", "resolved"]),
  labels,
  annotations: labels.default({}),
  startsAt: z.iso.datetime({ offset: true, local: false }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  generatorURL: text.default(""),
  fingerprint: text.min(1),
});

/** Grafana unified alerting's webhook contact point: Alertmanager's shape plus orgId, title, state, message. */
export const grafanaEnvelope = z.object({
  receiver: text.optional(),
  status: z.enum(["firing", "resolved"]),
  orgId: z.number().int(),
  groupKey: text.optional(),
  truncatedAlerts: z.number().int().min(0).default(0),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  title: text.optional(),
  state: text.optional(),
  message: text.optional(),
  alerts: z.array(z.unknown()),
});

export const grafanaAlert = alertmanagerAlert.extend({
  fingerprint: text.min(1),
  silenceURL: text.optional(),
  dashboardURL: text.optional(),
  panelURL: text.optional(),
  values: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** Uptime Kuma's webhook notification (server/notification-providers/webhook.js: { heartbeat, monitor, msg }). */
export const uptimeKumaPayload = z.object({
  msg: text,
  /** null in the "Test" notification Uptime Kuma sends from its settings. */
  heartbeat: z
    .object({
      monitorID: z.number().int().optional(),
      /** 0 down, 1 up, 2 pending, 3 maintenance (src/util.ts). */
      status: z.number().int().min(0).max(3),
      time: text,
      msg: text.default(""),
      important: z.boolean().optional(),
    })
    .nullable(),
  monitor: z
    .object({
      id: z.number().int(),
      name: text,
      url: text.nullable().optional(),
      type: text.optional(),
      hostname: text.nullable().optional(),
    })
    .nullable(),
});

/** Beacon's own format for everything else (a cron job's curl, a CI check); documented in /api/openapi.json. */
export const genericEnvelope = z
  .object({
    /** Alerts with the same group key belong to one incident; default: each alert's id. */
    groupKey: z.string().min(1).max(500).optional(),
    alerts: z.array(z.unknown()).min(1, "Send at least one alert."),
  })
  .strict();

export const genericAlert = z
  .object({
    /** Stable identifier of the alert: the same id again updates it. */
    id: z.string().min(1).max(200),
    status: z.enum(["firing", "resolved"]),
    /** Matched by rules; "alertname" names the alert and "severity" picks the proposed state. */
    labels: labels.default({}),
    summary: z.string().max(1_000).optional(),
    description: z.string().max(10_000).optional(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    url: z.url().max(2_000).optional(),
  })
  .strict();

/** Each kind's whole body as one schema, alerts included: what /api/openapi.json documents. */
export const documentedAlertPayloads = {
  alertmanager: alertmanagerEnvelope.extend({ alerts: z.array(alertmanagerAlert) }),
  grafana: grafanaEnvelope.extend({ alerts: z.array(grafanaAlert) }),
  uptime_kuma: uptimeKumaPayload,
  generic: genericEnvelope.extend({ alerts: z.array(genericAlert).min(1) }),
};

/** What every inbound endpoint answers with 200. */
export const inboundResultSchema = z.object({
  outcome: z.enum(["opened", "attached", "ignored", "unrouted"]),
  reason: z.string(),
  payload: z.object({ id: z.number().int() }),
  alerts: z.number().int(),
  truncated: z.number().int(),
});
