// Each monitoring tool's real payload (tests/fixtures/alerts/, sources in its README) becomes the
// alerts Beacon acts on; unknown shapes get a reason; big payloads cost bounded work; label text is cleaned.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_ALERTS_PER_PAYLOAD, parsePayload, type ParsedPayload } from "@/lib/alerts/payloads";
import type { IntegrationKind } from "@/lib/validation/integrations";

const fixture = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/alerts/${name}`, "utf8"));
const now = new Date("2026-12-01T12:00:00Z");

function alertsOf(parsed: ParsedPayload) {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

describe("parsePayload", () => {
  it("reads Alertmanager 0.25's firing notification: fingerprint, group key, labels, no end yet", () => {
    const { alerts, truncated, alertCount } = alertsOf(parsePayload("alertmanager", fixture("alertmanager-firing.json"), now));
    expect(alertCount).toBe(1);
    expect(truncated).toBe(0);
    expect(alerts).toEqual([
      {
        fingerprint: "9f2b7f792b070cae",
        groupKey: '{}:{alertname="HighErrorRate"}',
        status: "firing",
        labels: { alertname: "HighErrorRate", instance: "api-1:9100", service: "api", severity: "critical" },
        annotations: { description: "The API answers 12% of requests with 5xx.", summary: "5xx above 5% on the API" },
        startsAt: new Date("2026-12-01T15:44:48Z"),
        endsAt: null,
        generatorUrl: "http://prometheus.example.com/graph?g0.expr=rate%28http_5xx%5B5m%5D%29",
      },
    ]);
  });

  it("reads Grafana's documented webhook payload: two alerts, one group", () => {
    const { alerts } = alertsOf(parsePayload("grafana", fixture("grafana-firing.json"), now));
    expect(alerts.map((alert) => [alert.fingerprint, alert.labels.alertname, alert.groupKey, alert.endsAt])).toEqual([
      ["c6eadffa33fcdf37", "High memory usage", "{}:{}", null],
      ["bc97ff14869b13e3", "High CPU usage", "{}:{}", null],
    ]);
    expect(alerts[0]!.startsAt).toEqual(new Date("2021-10-12T07:51:03.157Z"));
  });

  it.each<[string, IntegrationKind, string, Record<string, unknown>]>([
    [
      "Alertmanager's resolved notification of the same alert, with its end",
      "alertmanager",
      "alertmanager-resolved.json",
      { fingerprint: "9f2b7f792b070cae", status: "resolved", endsAt: new Date("2026-12-01T15:44:51Z") },
    ],
    [
      "Uptime Kuma's down heartbeat as one alert per monitor, named after the monitor",
      "uptime_kuma",
      "uptime-kuma-down.json",
      {
        fingerprint: "uptime-kuma-monitor-29",
        groupKey: "uptime-kuma-monitor-29",
        status: "firing",
        labels: { alertname: "API", monitor: "API", monitor_type: "http" },
        annotations: { summary: "getaddrinfo ENOTFOUND api.example.com" },
        startsAt: new Date("2024-09-24T23:51:35.527Z"),
        generatorUrl: "https://api.example.com/health",
      },
    ],
    [
      "Uptime Kuma's up heartbeat as the same monitor's alert, resolved",
      "uptime_kuma",
      "uptime-kuma-up.json",
      { fingerprint: "uptime-kuma-monitor-29", status: "resolved", endsAt: new Date("2024-09-24T23:58:35.527Z") },
    ],
    [
      "the generic format, with the alert's id as fingerprint and the payload's group key",
      "generic",
      "generic-firing.json",
      {
        fingerprint: "backup-db-1",
        groupKey: "nightly-backup",
        status: "firing",
        labels: { alertname: "Backup failed", severity: "warning", service: "db" },
        annotations: { summary: "The nightly database backup failed", description: "pg_dump exited with status 1 after 3 retries." },
        generatorUrl: "https://ci.example.com/jobs/backup/1234",
      },
    ],
  ])("reads %s", (_, kind, file, expected) => {
    const [alert] = alertsOf(parsePayload(kind, fixture(file), now)).alerts;
    expect(alert).toMatchObject(expected);
  });

  it("treats Uptime Kuma's Test button and pending heartbeats as nothing to act on", () => {
    expect(parsePayload("uptime_kuma", fixture("uptime-kuma-test.json"), now)).toEqual({ ok: true, alerts: [], truncated: 0, alertCount: 0 });
    const pending = fixture("uptime-kuma-down.json") as { heartbeat: { status: number } };
    pending.heartbeat.status = 2;
    expect(alertsOf(parsePayload("uptime_kuma", pending, now)).alerts).toEqual([]);
  });

  it("refuses another tool's payload with a reason naming the field", () => {
    const grafanaAtAlertmanager = parsePayload("alertmanager", fixture("grafana-firing.json"), now);
    expect(grafanaAtAlertmanager).toEqual({ ok: false, reason: expect.stringContaining("version") });
    expect(parsePayload("uptime_kuma", fixture("alertmanager-firing.json"), now)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^(msg|heartbeat|monitor)/),
    });
    expect(parsePayload("generic", { alerts: [{ id: "x", status: "burning" }] }, now)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^alerts\.0\.status/),
    });
    expect(parsePayload("alertmanager", undefined, now).ok).toBe(false);
  });

  it("reads at most MAX_ALERTS_PER_PAYLOAD alerts and counts the rest with those the sender truncated", () => {
    const payload = fixture("alertmanager-firing.json") as { alerts: { fingerprint: string }[]; truncatedAlerts: number };
    const one = payload.alerts[0]!;
    payload.alerts = Array.from({ length: 5_000 }, (_, index) => ({ ...one, fingerprint: `fp-${index}` }));
    payload.truncatedAlerts = 7;
    const parsed = alertsOf(parsePayload("alertmanager", payload, now));
    expect(parsed.alerts).toHaveLength(MAX_ALERTS_PER_PAYLOAD);
    expect(parsed.truncated).toBe(5_000 - MAX_ALERTS_PER_PAYLOAD + 7);
    expect(parsed.alertCount).toBe(5_007);
  });

  it("cleans untrusted label text: controls and direction overrides removed, values cut, only http(s) links", () => {
    const payload = fixture("alertmanager-firing.json") as { alerts: Record<string, unknown>[] };
    payload.alerts[0] = {
      ...payload.alerts[0],
      labels: { alertname: "Evil\u202Egpj.exe\u0007\nname", service: "x".repeat(5_000) },
      generatorURL: "javascript:alert(1)",
    };
    const [alert] = alertsOf(parsePayload("alertmanager", payload, now)).alerts;
    expect(alert!.labels.alertname).toBe("Evilgpj.exe name");
    expect(alert!.labels.service).toHaveLength(1_000);
    expect(alert!.generatorUrl).toBeNull();
  });
});
