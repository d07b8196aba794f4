// PURE: a received body → the alerts Beacon understands, whatever tool sent it. Work is bounded:
// at most MAX_ALERTS_PER_PAYLOAD alerts are read (the rest are counted as truncated, with those the
// sender already left out), and every label and annotation is cleaned and cut to a bounded length,
// because they are untrusted text shown on the dashboard and maybe in a post.
import type * as z from "zod";
import { cleanMultiLine, cleanSingleLine } from "@/lib/validation/text";
import {
  alertmanagerAlert,
  alertmanagerEnvelope,
  genericAlert,
  genericEnvelope,
  grafanaAlert,
  grafanaEnvelope,
  uptimeKumaPayload,
} from "@/lib/validation/alert-payloads";
import type { IntegrationKind } from "@/lib/validation/integrations";

export const MAX_ALERTS_PER_PAYLOAD = 200;
const MAX_LABELS = 50;
const MAX_LABEL_NAME = 100;
const MAX_LABEL_VALUE = 1_000;
const MAX_ANNOTATION_VALUE = 4_000;
const MAX_KEY = 500;

export type AlertStatus = "firing" | "resolved";

export interface ReceivedAlert {
  fingerprint: string;
  groupKey: string;
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  /** null while the sender expects it to keep firing. */
  endsAt: Date | null;
  generatorUrl: string | null;
}

export type ParsedPayload =
  | { ok: true; alerts: ReceivedAlert[]; truncated: number; alertCount: number }
  /** Not a shape this endpoint knows (422), with the first reason in words. */
  | { ok: false; reason: string };

/** The alerts in a body of the given kind; `now` stands in for a missing start time. */
export function parsePayload(kind: IntegrationKind, body: unknown, now: Date): ParsedPayload {
  switch (kind) {
    case "alertmanager":
      return parseAlertmanagerLike(alertmanagerEnvelope, alertmanagerAlert, body);
    case "grafana":
      return parseAlertmanagerLike(grafanaEnvelope, grafanaAlert, body);
    case "uptime_kuma":
      return parseUptimeKuma(body, now);
    case "generic":
      return parseGeneric(body, now);
  }
}

type Envelope = { groupKey?: string; truncatedAlerts: number; groupLabels: Record<string, string>; alerts: unknown[] };
type AmAlert = z.infer<typeof alertmanagerAlert>;

function parseAlertmanagerLike(envelope: z.ZodType<Envelope>, alert: z.ZodType<AmAlert>, body: unknown): ParsedPayload {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return rejected(parsed.error);
  const { alerts, truncatedAlerts } = parsed.data;
  const groupKey = parsed.data.groupKey || JSON.stringify(parsed.data.groupLabels);
  return eachAlert(alerts, truncatedAlerts, alert, (one) => ({
    fingerprint: one.fingerprint,
    groupKey,
    status: one.status,
    labels: one.labels,
    annotations: one.annotations,
    startsAt: new Date(one.startsAt),
    endsAt: endOf(one.endsAt),
    generatorUrl: one.generatorURL || null,
  }));
}

/** Alertmanager's zero time ("0001-01-01T00:00:00Z") means "no end yet". */
function endOf(endsAt: string | undefined): Date | null {
  if (!endsAt) return null;
  const end = new Date(endsAt);
  return end.getUTCFullYear() <= 1 ? null : end;
}

function parseUptimeKuma(body: unknown, now: Date): ParsedPayload {
  const parsed = uptimeKumaPayload.safeParse(body);
  if (!parsed.success) return rejected(parsed.error);
  const { heartbeat, monitor, msg } = parsed.data;
  // The settings page's "Test" button sends no heartbeat; pending (2) and maintenance (3) are no verdict.
  if (!heartbeat || !monitor || heartbeat.status > 1) return { ok: true, alerts: [], truncated: 0, alertCount: 0 };
  const fingerprint = `uptime-kuma-monitor-${monitor.id}`;
  const labels: Record<string, string> = { alertname: monitor.name, monitor: monitor.name };
  if (monitor.type) labels.monitor_type = monitor.type;
  return finished(
    [
      {
        fingerprint,
        groupKey: fingerprint,
        status: heartbeat.status === 0 ? "firing" : "resolved",
        labels,
        annotations: { summary: heartbeat.msg || msg },
        startsAt: kumaTime(heartbeat.time) ?? now,
        endsAt: heartbeat.status === 1 ? (kumaTime(heartbeat.time) ?? now) : null,
        generatorUrl: monitor.url || null,
      },
    ],
    0,
    1,
  );
}

/** Uptime Kuma writes heartbeat times as "2024-09-24 23:51:35.527" in UTC. */
function kumaTime(time: string): Date | null {
  const date = new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d/.test(time) ? `${time.replace(" ", "T")}Z` : time);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseGeneric(body: unknown, now: Date): ParsedPayload {
  const parsed = genericEnvelope.safeParse(body);
  if (!parsed.success) return rejected(parsed.error);
  return eachAlert(parsed.data.alerts, 0, genericAlert, (one) => ({
    fingerprint: one.id,
    groupKey: parsed.data.groupKey ?? one.id,
    status: one.status,
    labels: { alertname: one.summary ?? one.id, ...one.labels },
    annotations: { ...(one.summary ? { summary: one.summary } : {}), ...(one.description ? { description: one.description } : {}) },
    startsAt: one.startsAt ? new Date(one.startsAt) : now,
    endsAt: one.endsAt ? new Date(one.endsAt) : one.status === "resolved" ? now : null,
    generatorUrl: one.url ?? null,
  }));
}

function eachAlert<A>(alerts: unknown[], truncatedBySender: number, schema: z.ZodType<A>, toAlert: (alert: A) => ReceivedAlert): ParsedPayload {
  const read: ReceivedAlert[] = [];
  for (const [index, raw] of alerts.slice(0, MAX_ALERTS_PER_PAYLOAD).entries()) {
    const one = schema.safeParse(raw);
    if (!one.success) return rejected(one.error, `alerts.${index}`);
    read.push(toAlert(one.data));
  }
  return finished(read, truncatedBySender + Math.max(0, alerts.length - MAX_ALERTS_PER_PAYLOAD), alerts.length + truncatedBySender);
}

function finished(alerts: ReceivedAlert[], truncated: number, alertCount: number): ParsedPayload {
  return { ok: true, alerts: alerts.map(cleaned), truncated, alertCount };
}

function cleaned(alert: ReceivedAlert): ReceivedAlert {
  return {
    ...alert,
    fingerprint: cleanSingleLine(alert.fingerprint).slice(0, MAX_KEY),
    groupKey: cleanSingleLine(alert.groupKey).slice(0, MAX_KEY),
    labels: cleanRecord(alert.labels, (value) => cleanSingleLine(value).slice(0, MAX_LABEL_VALUE)),
    annotations: cleanRecord(alert.annotations, (value) => cleanMultiLine(value).slice(0, MAX_ANNOTATION_VALUE)),
    generatorUrl: alert.generatorUrl && /^https?:\/\//i.test(alert.generatorUrl) ? cleanSingleLine(alert.generatorUrl).slice(0, 2_000) : null,
  };
}

function cleanRecord(record: Record<string, string>, clean: (value: string) => string): Record<string, string> {
  const entries = Object.entries(record)
    .slice(0, MAX_LABELS)
    .map(([name, value]) => [cleanSingleLine(name).slice(0, MAX_LABEL_NAME), clean(value)] as const);
  return Object.fromEntries(entries.filter(([name]) => name !== "" && name !== "__proto__"));
}

function rejected(error: z.ZodError, prefix?: string): ParsedPayload {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
